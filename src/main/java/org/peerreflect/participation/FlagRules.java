package org.peerreflect.participation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.participation.Flag.Kind;

/**
 * The patterns behind the flags, in English and Spanish: email and web addresses, phone
 * numbers, ages, days, dates and times, and the places and names that a word before them
 * announces ("calle", "Mr", "doña"). Capitalised words are read apart
 * ({@link CapitalisedWords}).
 */
final class FlagRules {

	private static final String MONTHS_EN = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";

	private static final String MESES = "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";

	private static final String NUMBER_WORDS = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";

	private static final String NUMEROS = "(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)";

	private static final String HALF_PAST = "(?:\\s+(?:y\\s+media|y\\s+cuarto|en\\s+punto))?(?:\\s+de\\s+la\\s+(?:ma[ñn]ana|tarde|noche))?";

	private static final String CAPITALISED = "\\p{Lu}[\\p{L}\\p{M}'’-]*";

	/** An age in English words, two to ninety-nine ("one" is too often not an age). */
	private static final String EN_AGE_WORDS = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

	/** Ages of thirteen and over, in figures or words: after a weaker cue ("at"). */
	private static final String EN_AGE_OVER_12 = "(?:1[3-9]|[2-9]\\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";

	/** An age in Spanish words, "y tantos" and "veintitantos" included. */
	private static final String ES_AGE_WORDS = "(?:(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:\\s+y\\s+(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|tantos|pico))?|veinti(?:tantos|pico|[uú]n|uno|una|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|cien)";

	private static final String ES_AGE = "(?:\\d{1,3}(?:\\s+y\\s+(?:tantos|pico))?|" + ES_AGE_WORDS + ")";

	private static final String EN_AGE = "(?:\\d{1,3}|" + EN_AGE_WORDS + ")";

	/**
	 * After a number, words that make it a count or a time rather than an age ("3 weeks",
	 * "8 people", "7:30").
	 */
	private static final String NOT_AN_AGE = "(?![.:]\\d|\\s*(?:%|percent|por\\s+ciento|weeks?|days?|months?|minutes?|mins?|hours?|hrs?|hs\\b|times?|people|persons?|members?|miembros|socios|participants?|participantes|cards?|tarjetas|euros?|kilos?|kg\\b|of\\s+(?:us|them)|miles?|pounds?|dollars?|pesos?|steps?|am\\b|pm\\b|[ap]\\.\\s?m|o['’]?\\s?clock|semanas?|d[ií]as?|meses|mes\\b|minutos?|horas?|veces|personas|de\\s+(?:nosotr|ellas|ellos)|cuadras|kil[oó]metros?|pasos))";

	/** What may follow an age given without "years": the end of the phrase. */
	private static final String AGE_ENDS = "(?=\\s*(?:[,.;:!?)]|$|and\\b|but\\b|when\\b|now\\b|so\\b|i\\b|this\\s+year|y\\b(?!\\s+(?:tantos|pico))|e\\b|pero\\b|cuando\\b|ya\\b|reci[eé]n\\b|my\\b|mi\\b|we\\b|(?:he|she|they|you|it)\\b|(?:last|next|this)\\s+(?:year|month|week)|este\\s+a[ñn]o))";

	private static final String EN_YEARS = "(?:\\s+(?:years?(?:\\s+old|\\s+of\\s+age)?|this\\s+year))?";

	private static final String ES_YEARS = "(?:\\s+a[ñn](?:os|itos)(?:\\s+de\\s+edad)?)";

	/** Words that round an age ("nearly 50", "casi 50"). */
	private static final String ABOUT = "(?:(?:(?:well\\s+)?past|both|all|maybe|perhaps|probably|tal\\s+vez|quiz[aá]s|now|still|already|between|entre|ya|nearly|almost|about|around|over|under|only|just|barely|casi|apenas|como|unos|m[aá]s\\s+de|cerca\\s+de)\\s+)?";

	/** Ages over ten in Spanish, in figures or words: after a weaker cue ("a los"). */
	private static final String ES_AGE_OVER_10 = "(?:1[1-9]|[2-9]\\d|once|doce|trece|catorce|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veinti\\p{L}+|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:\\s+y\\s+(?:un|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|tantos|pico))?)";

	/** People whose age may follow "of" ("a lad of 17", "a mum of 35"). */
	private static final String EN_PERSON = "\\b(?:(?:wo)?man|men|women|lad|lass|girl|boy|guy|bloke|chap|fell(?:a|ow)|person|kid|mum|mom|mother|dad|father|lady|gentleman|widow(?:er)?|grandma|grandmother|grandad|granddad|grandfather|grandpa|granny|nan|student|son|daughter|brother|sister|partner|husband|wife|friend|nephew|niece|grandson|granddaughter|child|baby|cousin|aunt|uncle|neighbou?r|member)";

	/** Ordinals in words from thirteenth up, as birthdays are said ("my fortieth"). */
	private static final String ORDINAL_WORDS = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth)";

	/** Ages of thirteen and over in figures, set apart in either language. */
	private static final String AGE_OVER_12 = "(?:1[3-9]|[2-9]\\d)";

	/**
	 * Parents, whose age may follow "de" when it is over ten ("una mamá de 35", not "mamá
	 * de tres").
	 */
	private static final String PARENT = "\\b(?:mam[aá]|pap[aá]|madre|padre)";

	/** People whose age may follow "de" ("un muchacho de diecisiete"). */
	private static final String PERSONA = "\\b(?:ni[ñn][oa]s?|nen[ea]s?|chamac[oa]s?|chav[oa]s?|pib[ea]s?|chiquit[oa]s?|botij[ao]s?|abuel[oa]s?|j[oó]ven(?:es)?|vecin[oa]s?|hij[oa]s?|hombres?|mujer(?:es)?|chic[oa]s?|muchach[oa]s?|personas?|se[ñn]or(?:a|es)?|viud[oa]|estudiantes?|gente)";

	private static final String ORDINAL_DAY = "(?:[1-9]|[12]\\d|3[01])";

	/**
	 * Patterns with the kind they flag; checked in this order, each over the whole text.
	 */
	private record Rule(Pattern pattern, Kind kind, int group) {
	}

	private static final List<Rule> RULES = List.of(rule("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", Kind.ADDRESS),
			rule("(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)]", Kind.ADDRESS),
			rule("(?<![\\w@.])[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|org|net|edu|gov|io|info|mx|es|ar|co|cl|pe|uy|uk|us|ca|gg|me|ly|app|dev|tv|nz|au|ie|br|ec|bo|gt|cr)\\b(?:/[^\\s<>\"]*[^\\s<>\".,;:!?)])?",
					Kind.ADDRESS),
			rule("(?<![\\w@])@\\w{2,}", Kind.ADDRESS),
			rule("(?<![\\w+])\\+?\\(?\\d[\\d ().-]{5,}\\d(?!\\w)", Kind.PHONE),
			// Ages: a number after a strong cue, or after a weaker one when the phrase
			// ends there.
			rule("\\b(?:i\\s+am|i['’]m|im|i\\s+turn(?:ed)?|turned|turning|aged|(?:i|he|she|you|they|we)(?:['’]ll|\\s+will)\\s+be|(?:when|since)\\s+(?:i|he|she|we|they|you)\\s+(?:was|were)|who['’]s|who\\s+(?:is|was|turned)|pushing|coming\\s+up\\s+(?:to|on)|approaching|going\\s+on|celebrat(?:ed|ing)|ages?(?:\\s+of|\\s*:)?|(?:he|she|you|they|we)['’](?:s|re)|(?:you|we)\\s+are|he\\s+is|she\\s+is)\\s+"
					+ ABOUT + "(" + EN_AGE + ")\\b" + NOT_AN_AGE + EN_YEARS, Kind.AGE),
			rule("\\b(?:is|was|are|were|i\\s+was|being|hit|reached|reaching)\\s+" + ABOUT + "(" + EN_AGE + ")\\b"
					+ NOT_AN_AGE + "(?:" + EN_YEARS + AGE_ENDS + "|\\s+years?\\s+old)", Kind.AGE, 1),
			rule("\\bat\\s+(" + EN_AGE_OVER_12 + ")\\b" + NOT_AN_AGE + "(?:" + AGE_ENDS
					+ "|\\s+years?\\s+(?:old|of\\s+age))", Kind.AGE, 1),
			// "My son's 15", "Mum's 80 this year".
			rule(EN_PERSON + "['’]s\\s+" + ABOUT + "(" + EN_AGE + ")\\b" + NOT_AN_AGE + "(?:" + EN_YEARS + AGE_ENDS
					+ "|\\s+years?\\s+old)", Kind.AGE, 1),
			rule(EN_PERSON + "\\s+of\\s+" + ABOUT + "(" + EN_AGE_OVER_12 + ")\\b" + NOT_AN_AGE
					+ "(?!\\s*(?:years?|yrs?)\\b)", Kind.AGE, 1),
			// Set apart by commas or brackets after a person or "my age": "a young man,
			// 19,",
			// "me (44)", "at my age, 67,".
			rule("(?:" + EN_PERSON + "|\\b(?:me|myself|my\\s+age)|" + PERSONA + ")\\s*(?:,\\s*" + ABOUT + "(?:de\\s+)?("
					+ AGE_OVER_12 + ")\\s*,|\\(\\s*(" + AGE_OVER_12 + ")\\s*\\))", Kind.AGE, -1),
			rule("\\b" + EN_AGE + "[\\s-]*(?:years?|yrs?)[\\s-]*olds?\\b|\\b" + EN_AGE
					+ "\\s+years?\\s+of\\s+age\\b|\\b\\d{1,2}\\s?(?:yo|y/o|y\\.o\\.)(?![\\p{L}])", Kind.AGE),
			rule("\\b(?:in\\s+)?(?:my|his|her|their|our|your)\\s+(?:(?:early|late|mid)[\\s-]?)?(?:\\d0['’]?s|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b",
					Kind.AGE),
			rule("\\b\\d{1,3}(?:st|nd|rd|th)(?=\\s+birthday)|(?<=cumplea[ñn]os\\s)\\d{1,3}\\b", Kind.AGE),
			rule("\\b" + ORDINAL_WORDS + "\\s+birthday\\b|\\b(?:my|his|her|their|your)\\s+(" + ORDINAL_WORDS + ")\\b",
					Kind.AGE, -1),
			// "For my 50th": an ordinal after "my" is a birthday, not a day of the month.
			rule("\\b(?:my|his|her|their|your)\\s+(\\d{2}(?:st|nd|rd|th))\\b(?!\\s+(?:of|time|week|day|visit|meeting|session))",
					Kind.AGE, 1),
			rule("\\b(?:teenagers?|teenage|teens?|middle[\\s-]aged|(?:de\\s+)?mediana\\s+edad|adolescentes?|(?:over|under)[\\s-]\\d{2}s|(?:mayores|menores)\\s+de\\s+(?:\\d{2}|"
					+ ES_AGE_WORDS + "))\\b", Kind.AGE),
			rule("\\b(?:\\d0|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?(?:somethings?|odd|ish)\\b",
					Kind.AGE),
			rule("\\b(?:tengo|ten[ií]a|tiene|tienes|tienen|ten[ií]amos|cumpl[ií]|cumplo|cumple|cumplir|cumpli[oó]|edad(?:\\s+de|\\s*:)|con(?:\\s+mis)?|a\\s+mis)\\s+"
					+ ABOUT + "(" + ES_AGE + ")\\b" + NOT_AN_AGE + "(?:" + ES_YEARS + "|" + AGE_ENDS + ")", Kind.AGE),
			rule("\\b(?:a|desde|pas[eé]|pasados|pasadas|rondando|ronda|cumpl[ií]|llegu[eé]\\s+a|(?:and[oa]|andaba|andamos|andan)\\s+por|(?:voy|va|vamos|iba)\\s+para|(?:celebr|festej)(?:[oó]|[eé]|aron|amos)\\s+(?:sus|mis))\\s+(?:los\\s+)?("
					+ ES_AGE_OVER_10 + ")\\b" + NOT_AN_AGE, Kind.AGE, 1),
			rule("\\b(?:a|con)\\s+mis\\s+(" + ES_AGE_OVER_10 + ")\\b" + NOT_AN_AGE, Kind.AGE, 1),
			// "La más grande, 91": who is oldest or youngest, then a number.
			rule("\\b(?:el|la)\\s+m[aá]s\\s+(?:grande|chic[oa]|joven|viej[oa]|mayor|peque[ñn][oa])\\s*,?\\s+(?:tiene\\s+)?("
					+ ES_AGE_OVER_10 + ")\\b" + NOT_AN_AGE, Kind.AGE, 1),
			rule("(?<!hace\\s)(?<!llevo\\s)(?<!llevamos\\s)(?<!durante\\s)(?<!cada\\s)(?<!en\\s)\\b" + ES_AGE + ES_YEARS
					+ "(?![\\p{L}])", Kind.AGE),
			rule(PERSONA + ",?\\s+de\\s+(" + ES_AGE + ")\\b" + NOT_AN_AGE + "(?:" + ES_YEARS + "|" + AGE_ENDS + ")",
					Kind.AGE, 1),
			rule("(?:" + PERSONA + "|" + PARENT + "),?\\s+de\\s+(" + ES_AGE_OVER_10 + ")\\b" + NOT_AN_AGE, Kind.AGE, 1),
			rule("\\b(?:en\\s+)?(?:mis|sus|tus)\\s+(?:veintitantos|(?:veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:s|\\s+y\\s+tantos)?)\\b",
					Kind.AGE),
			rule("\\b(?:side\\s+of|lado\\s+de\\s+los)\\s+(" + EN_AGE_OVER_12 + "|" + ES_AGE_OVER_10 + ")\\b"
					+ NOT_AN_AGE, Kind.AGE, 1),
			// After a name set apart by commas or brackets: "Perpetua, 94,", "Ignatius
			// (71)".
			rule("(?-i:\\p{Lu}\\p{Ll}+)(?:,\\s*(?:de\\s+)?(" + AGE_OVER_12 + ")\\s*,|\\s*\\((" + AGE_OVER_12 + ")\\))",
					Kind.AGE, -1),
			// An age that opens a sentence, before a comma or "and": "48, two jobs",
			// "Sixty-three and still learning".
			rule("(?:^|(?<=[.!?]\\s))(" + EN_AGE_OVER_12 + ")(?=,\\s|\\s+and\\s)" + NOT_AN_AGE, Kind.AGE, 1),
			// A group for a range of ages: "the 18-25 group", "el grupo de 18 a 25".
			rule("\\b(?:1[3-9]|[2-9]\\d)\\s?(?:-|–|to)\\s?[2-9]\\d(?:s|\\+)?(?=\\s+(?:group|circle|crowd|bracket|year|age))|\\b(?:grupo|c[ií]rculo|ronda)\\s+(de\\s+(?:1[3-9]|[2-9]\\d)\\s?(?:a|-|–)\\s?[2-9]\\d)\\b",
					Kind.AGE, -1),
			// Ranges of ages: "aged between 18 and 30", "de entre 18 y 30 años".
			rule("\\b(?:aged?|ages)\\s+(?:between\\s+|from\\s+)?" + EN_AGE + "\\s*(?:and|to|-|–)\\s*" + EN_AGE + "\\b"
					+ NOT_AN_AGE + "|\\b(?:entre|de)\\s+(" + ES_AGE + "\\s*(?:y|a|-|–)\\s*" + ES_AGE + ES_YEARS + ")",
					Kind.AGE, -1),
			// Over or under an age, or an age and a plus: "under 25", "60+", "+60",
			// "gente de más de 60"; never a length of time.
			rule("\\b(?:under|over)[\\s-](?:1[3-9]|[2-9]\\d)\\b" + NOT_AN_AGE
					+ "(?!\\s*(?:years?|yrs?)\\b)|\\b(?:1[3-9]|[2-9]\\d)\\+(?!\\d)|(?<![\\w+])\\+[2-9]\\d\\b(?![\\d ().-]*\\d)|\\b(?<=(?:gente|personas|somos)\\s(?:de\\s)?)(?:m[aá]s|menos)\\s+de\\s+(?:1[3-9]|[2-9]\\d)\\b"
					+ NOT_AN_AGE, Kind.AGE),
			// Words that are ages by themselves: "cincuentona", "veinteañeros",
			// "veintitantos".
			rule("\\b(?:(?:quince|veinte|treint|cuarent)a[ñn]er[oa]s?|(?:cuarent|cincuent|sesent|setent)(?:[oó]n|ona|ones|onas)|(?:octo|nona)genari[oa]s?|veinti(?:tantos|pico)|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)\\s+y\\s+(?:tantos|pico))\\b"
					+ NOT_AN_AGE, Kind.AGE),
			// Days of the month written as ordinals or after "el".
			rule("\\b(?:the\\s+)?" + ORDINAL_DAY + "(?:st|nd|rd|th)\\b(?!\\s+birthday)", Kind.WHEN),
			rule("\\b(?:el|del)\\s+(?:d[ií]a\\s+)?" + ORDINAL_DAY + "\\b" + NOT_AN_AGE + "(?!\\s*(?:a[ñn]os|de)\\b)",
					Kind.WHEN),
			rule("\\b(?:half\\s+past|quarter\\s+(?:past|to))\\s+(?:\\d{1,2}|" + NUMBER_WORDS + ")\\b", Kind.WHEN),
			rule("\\b(?:noon|midday|midnight|mediod[ií]a|medianoche)\\b", Kind.WHEN),
			rule("\\b(?:from\\s+)?\\d{1,2}\\s+(?:to|till|until)\\s+\\d{1,2}\\b" + NOT_AN_AGE, Kind.WHEN),
			rule("\\bde\\s+\\d{1,2}\\s+a\\s+\\d{1,2}\\b" + NOT_AN_AGE, Kind.WHEN),
			rule("\\b\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\b", Kind.WHEN),
			rule("\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTHS_EN + "\\b\\.?(?:,?\\s+\\d{4}\\b)?", Kind.WHEN),
			rule("\\b" + MONTHS_EN + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?", Kind.WHEN),
			rule("\\b\\d{1,2}\\s+de\\s+" + MESES + "\\b(?:\\s+(?:de|del)\\s+\\d{4}\\b)?", Kind.WHEN),
			rule("\\b(?:19|20)\\d{2}\\b", Kind.WHEN),
			rule("\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm|a\\.\\s?m\\.?|p\\.\\s?m\\.?|hrs|hs)(?![\\p{L}])", Kind.WHEN),
			rule("\\b\\d{1,2}:\\d{2}\\b", Kind.WHEN),
			rule("\\b(?:a\\s+)?(?:las\\s+\\d{1,2}|la\\s+1)(?::\\d{2})?\\b" + NOT_AN_AGE + HALF_PAST, Kind.WHEN),
			rule("\\ba\\s+(?:las|la)\\s+" + NUMEROS + "\\b" + HALF_PAST, Kind.WHEN),
			rule("\\b(?:las|la)\\s+" + NUMEROS
					+ "\\s+(?:y\\s+media|y\\s+cuarto|en\\s+punto|de\\s+la\\s+(?:ma[ñn]ana|tarde|noche))\\b", Kind.WHEN),
			rule("\\b(?:\\d{1,2}|" + NUMBER_WORDS + ")\\s+o['’]?\\s?clock\\b", Kind.WHEN),
			rule("(?-i)(?:\\b\\d+\\s+)?(?:" + CAPITALISED
					+ "\\s+){1,3}(?:Street|St\\b\\.?|Avenue|Ave\\b\\.?|Road|Rd\\b\\.?|Lane|Drive|Boulevard|Square|Way)\\b",
					Kind.PLACE),
			rule("\\b(?:calle|avenida|av\\.|plaza|paseo|camino|colonia|barrio|carrera)\\s+(?-i:\\d+|" + CAPITALISED
					+ ")(?:\\s+(?:(?:de|del)\\s+(?:(?:la|los|las)\\s+)?)?(?-i:" + CAPITALISED + "))*(?:\\s+\\d+)?",
					Kind.PLACE),
			rule("(?-i)\\b(?:Mr|Mrs|Ms|Mx|Dr|Dra|Sr|Sra|Srta|Prof|Lic)\\b\\.?\\s+" + CAPITALISED + "(?:\\s+"
					+ CAPITALISED + ")?", Kind.NAME),
			rule("\\b(?:don|do[ñn]a|se[ñn]or|se[ñn]ora|se[ñn]orita|miss|mister|auntie|uncle|t[ií]a|t[ií]o)\\s+(?-i:"
					+ CAPITALISED + ")", Kind.NAME));

	private static final Pattern DATE = Pattern.compile("\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}");

	private FlagRules() {
	}

	private static Rule rule(String pattern, Kind kind) {
		return rule(pattern, kind, 0);
	}

	/**
	 * A rule that flags only the {@code group} of its match, the rest being its cue; -1
	 * for whichever group matched.
	 */
	private static Rule rule(String pattern, Kind kind, int group) {
		return new Rule(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), kind, group);
	}

	/** Adds a flag for every match of every rule in {@code text}. */
	static void find(String text, List<Flag> found) {
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(text);
			while (matcher.find()) {
				int group = rule.group() >= 0 ? rule.group() : lastMatched(matcher);
				if (rule.kind() != Kind.PHONE || isPhone(matcher.group())) {
					found.add(new Flag(matcher.start(group), matcher.end(group), rule.kind()));
				}
			}
		}
	}

	/**
	 * For a rule with alternatives, each with a group of its own: the one that matched.
	 */
	private static int lastMatched(Matcher matcher) {
		for (int group = matcher.groupCount(); group > 0; group--) {
			if (matcher.start(group) >= 0) {
				return group;
			}
		}
		return 0;
	}

	/** A phone number has 7 to 15 digits, and is not a date or a time. */
	private static boolean isPhone(String candidate) {
		if (DATE.matcher(candidate).matches()) {
			return false;
		}
		long digits = candidate.chars().filter(Character::isDigit).count();
		return digits >= 7 && digits <= 15;
	}

}

package org.peerreflect.participation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.peerreflect.gate.WrittenAnswers;

/**
 * Words in a written answer that may tell who wrote it, found by rules, for the steward's
 * review: names, places and groups, days and times, ages, phone numbers, email and web
 * addresses, and the organization's own list of words. English and Spanish rules apply to
 * every answer, whatever the round's language, since members write in both. A flag is a
 * question for the steward, never a change: nothing here takes a word out.
 *
 * <p>
 * Rules, not a model: they run in the application's own process in well under a
 * millisecond an answer, add nothing to the jar but this class and two short lists, and
 * need no file or service from outside (see "Flags in the review" in the design).
 */
final class Flags {

	/** What a flagged span may be; each has its reason in the messages. */
	enum Kind {

		ADDRESS, PHONE, OWN, AGE, WHEN, NAME, PLACE;

		/**
		 * The key of the short reason a screen reader reads after the span; public for
		 * the page's template.
		 */
		public String reason() {
			return "review.flag." + name();
		}

	}

	/** A flagged span of the answer, from {@code start} up to {@code end}. */
	record Flag(int start, int end, Kind kind) {

		int length() {
			return end - start;
		}

	}

	/** A stretch of an answer as the review shows it: flagged ({@code kind}) or not. */
	record Piece(String text, Kind kind) {
	}

	/** Common given names of both languages, capitalised as written. */
	private static final Set<String> GIVEN_NAMES = list("flags/given-names.txt");

	/**
	 * Words that may start with a capital and are no one's name: little words of both
	 * languages, "I", and the words our principles and days of meeting use.
	 */
	private static final Set<String> NOT_NAMES = list("flags/not-names.txt");

	/** Words that make a run of capitalised words a place or a group. */
	private static final Set<String> PLACE_WORDS = Set.of("house", "centre", "center", "hospital", "clinic", "church",
			"park", "hall", "library", "school", "college", "university", "club", "cafe", "street", "road", "avenue",
			"square", "station", "market", "foundation", "association", "casa", "centro", "clinica", "iglesia",
			"parque", "escuela", "universidad", "biblioteca", "mercado", "plaza", "calle", "avenida", "colonia",
			"barrio", "hogar", "asociacion", "fundacion", "colegio", "estacion", "network", "fund", "trust", "festival",
			"collective", "primaria", "secundaria", "red", "fondo", "feria", "colectivo");

	/** Saints' names that start the names of places ("San Rafael"). */
	private static final Set<String> SAINTS = Set.of("san", "santa", "santo", "st", "saint");

	/** Articles: a capitalised word after one is more likely a place or a group. */
	private static final Set<String> ARTICLES = Set.of("the", "el", "la", "los", "las", "del", "al");

	/** Words of going, after which "to" or "a" leads to a place. */
	private static final Set<String> GOING = Set.of("went", "go", "goes", "going", "gone", "moved", "move", "moving",
			"travel", "travelled", "traveled", "trip", "drove", "drive", "walked", "walk", "back", "way", "bus",
			"train", "coach", "flew", "came", "come", "comes", "visit", "fuimos", "fui", "vamos", "voy", "van", "ir",
			"viajamos", "viaje", "viajar", "llegue", "llegamos", "llegar", "mude", "mudamos", "regrese", "regresamos",
			"volvi", "volvimos", "vine", "vino", "venimos", "camion", "paseo");

	/** Words that, two or three words back, make "to" or "a" the end of a journey. */
	private static final Set<String> FROM = Set.of("from", "de", "desde");

	/**
	 * Words of groups that may stand capitalised inside a group's name ("Harrow Peer
	 * Network") though they are not names alone.
	 */
	private static final Set<String> GROUP_WORDS = Set.of("peer", "peers", "support", "community", "mutual", "group",
			"pares", "apoyo", "comunidad", "circle", "circulo", "mutuo", "mutua", "comunitario", "comunitaria",
			"trust");

	/** Words that often follow a person's name at a sentence's start. */
	private static final Set<String> AFTER_A_PERSON = Set.of("is", "was", "has", "had", "says", "said", "always",
			"never", "also", "still", "just", "really", "will", "would", "can", "could", "did", "does", "told",
			"taught", "gave", "made", "came", "brought", "picked", "asked", "helped", "texted", "called", "sat",
			"showed", "started", "es", "fue", "era", "esta", "estaba", "tiene", "tenia", "dice", "dijo", "hace", "hizo",
			"trae", "trajo", "lleva", "siempre", "nunca", "tambien", "ya", "sabe", "viene", "vino", "maneja", "cuida",
			"from");

	/**
	 * Spanish words that follow a name ("Reinaldo me enseñó") but an English command too
	 * ("Call me"): signs of a name only in an answer that is not English.
	 */
	private static final Set<String> CLITICS = Set.of("me", "te", "se", "nos", "le", "les");

	/**
	 * Words of family and respect that make the run after them a person ("Uncle
	 * Barnaby").
	 */
	private static final Set<String> KIN = Set.of("aunt", "auntie", "uncle", "nan", "nana", "granny", "grandma",
			"grandad", "grandpa", "tia", "tio", "abuela", "abuelo", "don", "dona");

	/**
	 * Words before "de" that say what belongs to a person, so the name after it is a
	 * person's ("la despedida de Bastián"), not a place.
	 */
	private static final Set<String> A_PERSONS = Set.of("idea", "despedida", "cumpleanos", "cumple", "mama", "papa",
			"hijo", "hija", "hermano", "hermana", "pareja", "esposo", "esposa", "amiga", "amigo", "nombre", "numero",
			"voz", "historia", "silla", "llave", "el", "la", "los", "las", "propuesta", "familia", "nieto", "nieta");

	/**
	 * Shapes of everyday words that may start a sentence ("Listening", "Kindness",
	 * "Escuchar", "Compartimos"), never taken for a name on weak signs.
	 */
	private static final Pattern EVERYDAY_ENDINGS = Pattern.compile(
			"(?:ing|ness|tion|sion|ity|ment|ship|ance|ence|ly|ed|ism|ful|less|ous|ive|able|ible|cion|dad|mente|ando|iendo|mos|aron|ieron|[aei]r)$");

	/** Words after which a capitalised word is more likely a place. */
	private static final Set<String> PLACE_BEFORE = Set.of("in", "at", "from", "near", "en", "de", "desde", "cerca",
			"hacia");

	/**
	 * Lower-case words allowed inside a run of capitalised words ("Casa de la Cultura").
	 */
	private static final Set<String> JOINING = Set.of("of", "the", "de", "del", "la", "las", "los", "el");

	private static final Set<String> DAYS_AND_MONTHS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
			"january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
			"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "sabados", "domingos", "enero",
			"febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
			"noviembre", "diciembre");

	/**
	 * Months that are also everyday words ("may", "march"): only capitalised
	 * mid-sentence.
	 */
	private static final Set<String> MONTHS_ALSO_WORDS = Set.of("May", "March");

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
	private static final String AGE_ENDS = "(?=\\s*(?:[,.;:!?)]|$|and\\b|but\\b|when\\b|now\\b|so\\b|i\\b|this\\s+year|y\\b(?!\\s+(?:tantos|pico))|e\\b|pero\\b|cuando\\b|ya\\b|reci[eé]n\\b|my\\b|mi\\b|we\\b|este\\s+a[ñn]o))";

	private static final String EN_YEARS = "(?:\\s+(?:years?(?:\\s+old|\\s+of\\s+age)?|this\\s+year))?";

	private static final String ES_YEARS = "(?:\\s+a[ñn](?:os|itos)(?:\\s+de\\s+edad)?)";

	/** Words that round an age ("nearly 50", "casi 50"). */
	private static final String ABOUT = "(?:(?:(?:well\\s+)?past|maybe|perhaps|probably|tal\\s+vez|quiz[aá]s|now|still|already|between|entre|ya|nearly|almost|about|around|over|under|only|just|barely|casi|apenas|como|unos|m[aá]s\\s+de|cerca\\s+de)\\s+)?";

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
			rule("\\b(?:i\\s+am|i['’]m|im|i\\s+turn(?:ed)?|turned|turning|aged|(?:i|he|she|you|they|we)(?:['’]ll|\\s+will)\\s+be|(?:when|since)\\s+(?:i|he|she|we|they|you)\\s+(?:was|were)|who['’]s|who\\s+(?:is|was|turned)|pushing|coming\\s+up\\s+(?:to|on)|approaching|going\\s+on|celebrat(?:ed|ing)|ages?(?:\\s+of|\\s*:)?|(?:he|she|you|they)['’](?:s|re)|you\\s+are|he\\s+is|she\\s+is)\\s+"
					+ ABOUT + "(" + EN_AGE + ")\\b" + NOT_AN_AGE + EN_YEARS, Kind.AGE),
			rule("\\b(?:is|was|are|were|i\\s+was|being|hit|reached|reaching)\\s+" + ABOUT + "(" + EN_AGE + ")\\b"
					+ NOT_AN_AGE + "(?:" + EN_YEARS + AGE_ENDS + "|\\s+years?\\s+old)", Kind.AGE, 1),
			rule("\\bat\\s+(" + EN_AGE_OVER_12 + ")\\b" + NOT_AN_AGE + "(?:" + AGE_ENDS
					+ "|\\s+years?\\s+(?:old|of\\s+age))", Kind.AGE, 1),
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
			rule("\\b(?:teenagers?|teenage|teens?|adolescentes?|(?:over|under)[\\s-]\\d{2}s|(?:mayores|menores)\\s+de\\s+(?:\\d{2}|"
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

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:[-’']\\p{L}[\\p{L}\\p{M}]*)*");

	private Flags() {
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

	/**
	 * The spans of {@code text} that may tell who wrote it, in order and never
	 * overlapping. {@code ownWords} are the organization's words (matched whole, in any
	 * case and with or without accents); {@code knownWords} are words of the round's own
	 * questionnaire, which are never taken for a name.
	 */
	static List<Flag> find(String text, Collection<String> ownWords, Collection<String> knownWords) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Flag> found = new ArrayList<>();
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(text);
			while (matcher.find()) {
				int group = rule.group() >= 0 ? rule.group() : lastMatched(matcher);
				if (rule.kind() != Kind.PHONE || isPhone(matcher.group())) {
					found.add(new Flag(matcher.start(group), matcher.end(group), rule.kind()));
				}
			}
		}
		ownWords(text, ownWords, found);
		Set<String> known = new HashSet<>();
		knownWords.forEach(word -> known.add(fold(word)));
		capitalised(text, known, found);
		return apart(found, text);
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

	/** Whole-word matches of the organization's own words, folded alike. */
	private static void ownWords(String text, Collection<String> ownWords, List<Flag> found) {
		String folded = foldInPlace(text);
		for (String own : ownWords) {
			String word = foldInPlace(own.strip());
			if (word.isEmpty()) {
				continue;
			}
			int at = folded.indexOf(word);
			while (at >= 0) {
				int end = at + word.length();
				if (edge(folded, at) && edge(folded, end)) {
					found.add(new Flag(at, end, Kind.OWN));
				}
				at = folded.indexOf(word, at + 1);
			}
		}
	}

	private static boolean edge(String text, int at) {
		return at == 0 || at == text.length()
				|| !(Character.isLetterOrDigit(text.charAt(at - 1)) && Character.isLetterOrDigit(text.charAt(at)));
	}

	/** One word of the answer, where it stands. */
	private record Token(int start, int end, String text, boolean sentenceStart) {

		boolean capitalised() {
			return Character.isUpperCase(text.codePointAt(0));
		}

	}

	/**
	 * Capitalised words that are not little words. A run of them in mid-sentence is a
	 * name, or a place or group when it holds a place word, follows "the", "el", "la",
	 * "in", "at", "en", "de" (or "to", "a" after a word of going), or is two words or
	 * more. At a sentence's start, where every word has a capital, a word counts only
	 * when something says it is a name (see {@link #nameAtStart}) or starts a run of two.
	 * Days and months are flagged as such.
	 */
	private static void capitalised(String text, Set<String> known, List<Flag> found) {
		List<Token> tokens = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			tokens.add(new Token(word.start(), word.end(), word.group(), sentenceStart(text, word.start())));
		}
		// A word capitalised in mid-sentence somewhere in the answer is a name at a
		// sentence's start too.
		Set<String> midSentence = new HashSet<>();
		for (Token token : tokens) {
			if (!token.sentenceStart() && candidate(token, known)) {
				midSentence.add(token.text());
			}
		}
		boolean english = "en".equals(AnswerLanguage.of(text));
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			String folded = fold(token.text());
			if (DAYS_AND_MONTHS.contains(folded)
					|| MONTHS_ALSO_WORDS.contains(token.text()) && !token.sentenceStart()) {
				found.add(new Flag(token.start(), token.end(), Kind.WHEN));
				i++;
				continue;
			}
			if (!candidate(token, known)) {
				i++;
				continue;
			}
			int last = runEnd(text, tokens, i, known);
			List<Token> run = tokens.subList(i, last + 1);
			boolean place = run.stream().anyMatch(t -> PLACE_WORDS.contains(fold(t.text())));
			boolean given = run.stream().anyMatch(t -> GIVEN_NAMES.contains(t.text()));
			boolean startsSentence = token.sentenceStart();
			if (startsSentence && !given && !place && !nameAtStart(text, tokens, i, midSentence, english)) {
				// A capital that only starts a sentence says nothing: what follows it
				// may.
				if (run.size() > 1) {
					flagRun(text, tokens, i + 1, run.subList(1, run.size()), false, found);
				}
			}
			else {
				flagRun(text, tokens, i, run, startsSentence, found);
			}
			i = last + 1;
		}
	}

	/**
	 * Flags a run of capitalised words starting at token {@code at}, as a name or a
	 * place.
	 */
	private static void flagRun(String text, List<Token> tokens, int at, List<Token> run, boolean startsSentence,
			List<Flag> found) {
		boolean place = run.stream().anyMatch(t -> PLACE_WORDS.contains(fold(t.text())))
				|| SAINTS.contains(fold(run.get(0).text())) && run.size() > 1;
		boolean person = run.stream().anyMatch(t -> GIVEN_NAMES.contains(t.text()))
				|| KIN.contains(fold(run.get(0).text()));
		Token first = tokens.get(at);
		boolean placeBefore = !startsSentence && at > 0 && onlySpaceBetween(text, tokens.get(at - 1), first)
				&& placeBefore(tokens, at - 1);
		Kind kind = place ? Kind.PLACE : person || startsSentence && run.size() == 1 ? Kind.NAME
				: (placeBefore || run.size() > 1) ? Kind.PLACE : Kind.NAME;
		found.add(new Flag(first.start(), run.get(run.size() - 1).end(), kind));
	}

	/**
	 * The last token of the run starting at {@code first}: candidates one space apart,
	 * with little joining words or capitalised words of groups ("Peer", "Community")
	 * between.
	 */
	private static int runEnd(String text, List<Token> tokens, int first, Set<String> known) {
		int last = first;
		int next = first + 1;
		while (next < tokens.size()) {
			int after = next;
			while (after < tokens.size() && after - next < 2 && JOINING.contains(fold(tokens.get(after).text()))
					&& onlySpaceBetween(text, tokens.get(after - 1), tokens.get(after))) {
				after++;
			}
			if (after < tokens.size() && onlySpaceBetween(text, tokens.get(after - 1), tokens.get(after))
					&& !tokens.get(after).sentenceStart()
					&& (candidate(tokens.get(after), known) || tokens.get(after).capitalised()
							&& GROUP_WORDS.contains(fold(tokens.get(after).text())))) {
				last = after;
				next = after + 1;
			}
			else {
				break;
			}
		}
		return last;
	}

	/**
	 * Whether the word before a run makes it a place: "in", "at", "from", "en", "de"; an
	 * article ("the", "la"); or "to", "a" after a word of going or a "from" or "de" just
	 * before ("from Bideford to Exeter", "fuimos a Mazatlán").
	 */
	private static boolean placeBefore(List<Token> tokens, int at) {
		String before = fold(tokens.get(at).text());
		if (before.equals("de") && at > 0 && A_PERSONS.contains(fold(tokens.get(at - 1).text()))) {
			return false;
		}
		if (PLACE_BEFORE.contains(before) || ARTICLES.contains(before)) {
			return true;
		}
		if (!before.equals("to") && !before.equals("a")) {
			return false;
		}
		for (int back = at - 1; back >= Math.max(0, at - 4); back--) {
			String word = fold(tokens.get(back).text());
			if (GOING.contains(word) || back < at - 1 && FROM.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a word that starts a sentence is a name: it is written with a capital in
	 * mid-sentence elsewhere in the answer; or it is followed by "'s", by "and I", "y yo"
	 * or another capitalised word joined by "and" or "y"; or, when its shape is not that
	 * of an everyday word (-ing, -ness, -ción, an infinitive...), by a comma or a word
	 * that often follows a person ("is", "always", "dice", "me", a verb in -s or -ó).
	 */
	private static boolean nameAtStart(String text, List<Token> tokens, int at, Set<String> midSentence,
			boolean english) {
		Token token = tokens.get(at);
		String word = token.text();
		if (midSentence.contains(word)) {
			return true;
		}
		String folded = fold(word);
		if (folded.endsWith("'s")) {
			return !NOT_NAMES.contains(folded.substring(0, folded.length() - 2));
		}
		if (at + 1 >= tokens.size()) {
			return false;
		}
		Token next = tokens.get(at + 1);
		String between = text.substring(token.end(), next.start());
		String following = fold(next.text());
		if (between.equals(" ") && (following.equals("and") || following.equals("y")) && at + 2 < tokens.size()) {
			Token third = tokens.get(at + 2);
			String after = fold(third.text());
			if (after.equals("i") || after.equals("me") || after.equals("yo")
					|| third.capitalised() && !NOT_NAMES.contains(after)) {
				return true;
			}
		}
		if (EVERYDAY_ENDINGS.matcher(folded).find()) {
			return false;
		}
		if (between.strip().equals(",")) {
			return true;
		}
		if (!between.equals(" ") || next.capitalised()) {
			return false;
		}
		return AFTER_A_PERSON.contains(following) || !english && CLITICS.contains(following)
				|| next.text().endsWith("ó") && following.length() > 3
				|| following.length() > 3 && following.endsWith("s") && !following.endsWith("ss")
						&& !following.endsWith("us") && !folded.endsWith("s") && !NOT_NAMES.contains(following);
	}

	/** A capitalised word that may be a name: not a little word, "I", or a known word. */
	private static boolean candidate(Token token, Set<String> known) {
		if (!token.capitalised()) {
			return false;
		}
		String folded = fold(token.text());
		return !NOT_NAMES.contains(folded) && !known.contains(folded) && !DAYS_AND_MONTHS.contains(folded);
	}

	private static boolean onlySpaceBetween(String text, Token before, Token after) {
		String between = text.substring(before.end(), after.start());
		return between.equals(" ");
	}

	/**
	 * Whether a word starts a sentence: nothing before it but spaces and quotes, back to
	 * the start, a full stop, a question or exclamation mark, a colon or a new line.
	 */
	private static boolean sentenceStart(String text, int at) {
		int i = at - 1;
		while (i >= 0) {
			char c = text.charAt(i);
			if (c == '\n') {
				return true;
			}
			if (Character.isWhitespace(c) || "\"'“”‘’«»([-–—•*".indexOf(c) >= 0) {
				i--;
				continue;
			}
			return ".!?¡¿:…".indexOf(c) >= 0;
		}
		return true;
	}

	/**
	 * The flags kept: where two overlap, the one starting first, then the longer, then
	 * the kind listed first.
	 */
	private static List<Flag> apart(List<Flag> found, String text) {
		List<Flag> sorted = new ArrayList<>(found);
		sorted.sort(Comparator.comparingInt(Flag::start)
			.thenComparing(Comparator.comparingInt(Flag::length).reversed())
			.thenComparing(Flag::kind));
		List<Flag> kept = new ArrayList<>();
		int end = 0;
		for (Flag flag : sorted) {
			if (flag.start() >= end) {
				Flag trimmed = trimmed(flag, text);
				if (trimmed.length() > 0) {
					kept.add(trimmed);
					end = flag.end();
				}
			}
		}
		return List.copyOf(kept);
	}

	/** A flag without spaces at its ends. */
	private static Flag trimmed(Flag flag, String text) {
		int start = flag.start();
		int end = flag.end();
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return new Flag(start, end, flag.kind());
	}

	/** The answer cut into flagged and plain pieces, for the review to show. */
	static List<Piece> pieces(String text, List<Flag> flags) {
		List<Piece> pieces = new ArrayList<>();
		int at = 0;
		for (Flag flag : flags) {
			if (flag.start() > at) {
				pieces.add(new Piece(text.substring(at, flag.start()), null));
			}
			pieces.add(new Piece(text.substring(flag.start(), flag.end()), flag.kind()));
			at = flag.end();
		}
		if (at < text.length()) {
			pieces.add(new Piece(text.substring(at), null));
		}
		return pieces;
	}

	/**
	 * The answer with the mark in place of every flagged span; spans with only spaces
	 * between them become one mark.
	 */
	static String takenOut(String text, List<Flag> flags) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (Flag flag : flags) {
			String between = text.substring(at, flag.start());
			boolean joined = at > 0 && between.isBlank() && out.toString().endsWith(WrittenAnswers.REMOVED);
			if (!joined) {
				out.append(between).append(WrittenAnswers.REMOVED);
			}
			at = flag.end();
		}
		return out.append(text.substring(at)).toString();
	}

	/** Lower case without accents, for comparing words. */
	static String fold(String word) {
		return Normalizer.normalize(word, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

	/** Lower case without accents, one character for one, so that places stay. */
	private static String foldInPlace(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			out.append(Character.toLowerCase(base.isEmpty() ? c : base.charAt(0)));
		}
		return out.toString();
	}

	private static Set<String> list(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = Flags.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					for (String each : word.split("\\s+")) {
						words.add(resource.endsWith("not-names.txt") ? fold(each) : each);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}

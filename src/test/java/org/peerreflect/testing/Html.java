package org.peerreflect.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML reading for page tests, with regular expressions (no HTML parser on
 * the classpath).
 */
public final class Html {

	private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

	private static final Pattern TAG = Pattern
		.compile("<\\s*([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");

	private static final Pattern ATTRIBUTE = Pattern
		.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");

	private Html() {
	}

	/**
	 * The page as a reader sees its text: character references replaced by the
	 * characters.
	 */
	public static String text(String html) {
		Matcher m = NUMERIC_ENTITY.matcher(html);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
			m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
		}
		m.appendTail(out);
		return out.toString()
			.replace("&quot;", "\"")
			.replace("&apos;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&nbsp;", "\u00a0")
			.replace("&amp;", "&");
	}

	/**
	 * One start tag: its name, its attributes (names in lower case), and where it starts
	 * in the page.
	 */
	public record Tag(String name, java.util.Map<String, String> attributes, int start) {

		public String attribute(String attributeName) {
			return attributes.get(attributeName);
		}

	}

	/** Every start tag with this name, in order. */
	public static List<Tag> tags(String html, String name) {
		List<Tag> found = new ArrayList<>();
		Matcher m = TAG.matcher(html);
		while (m.find()) {
			if (!m.group(1).equalsIgnoreCase(name)) {
				continue;
			}
			java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
			Matcher a = ATTRIBUTE.matcher(m.group(2));
			while (a.find()) {
				String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
				attributes.put(a.group(1).toLowerCase(), value == null ? "" : text(value));
			}
			found.add(new Tag(name.toLowerCase(), attributes, m.start()));
		}
		return found;
	}

	/** Every value of this attribute on these tags. */
	public static List<String> attributes(String html, String tagName, String attributeName) {
		return tags(html, tagName).stream().map(tag -> tag.attribute(attributeName)).filter(v -> v != null).toList();
	}

	/**
	 * Whether the tag starting at {@code position} sits inside a {@code <label>} element,
	 * which then labels it without {@code for}.
	 */
	public static boolean insideLabel(String html, int position) {
		String before = html.substring(0, position).toLowerCase();
		int open = Math.max(before.lastIndexOf("<label>"), before.lastIndexOf("<label "));
		return open >= 0 && before.lastIndexOf("</label>") < open;
	}

	/** The value of the hidden CSRF field of the first form on the page. */
	public static String csrf(String html) {
		return tags(html, "input").stream()
			.filter(input -> "_csrf".equals(input.attribute("name")))
			.map(input -> input.attribute("value"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no _csrf field on the page"));
	}

	/**
	 * Every hidden field of a page but the CSRF token, in page order, as a browser sends
	 * them back: what the participant's pages carry from one page to the next.
	 */
	public static java.util.Map<String, String> hiddenFields(String html) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		for (Tag input : tags(html, "input")) {
			if ("hidden".equals(input.attribute("type")) && !"_csrf".equals(input.attribute("name"))) {
				fields.put(input.attribute("name"), input.attribute("value"));
			}
		}
		return fields;
	}

}

package org.peerreflect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import org.junit.jupiter.api.Test;

/**
 * The one place that gathers the tests of DESIGN section 4: a test of invariant N is
 * named {@code invariantN_...} (a method, or a nested class of them), wherever it lives.
 * This test lists them all and fails when an invariant has none;
 * {@code docs/anonymity.md} points here.
 */
class AnonymityInvariantsTest {

	static final int INVARIANTS = 14;

	private static final Pattern NAME = Pattern.compile("[Ii]nvariant(\\d+)_.*");

	/** Every test named after an invariant, by invariant number. */
	static Map<Integer, TreeSet<String>> testsByInvariant() {
		JavaClasses tests = ClassesRead.tests();
		Map<Integer, TreeSet<String>> found = new TreeMap<>();
		for (JavaClass type : tests) {
			Matcher nested = NAME.matcher(type.getSimpleName());
			if (nested.matches()) {
				found.computeIfAbsent(Integer.valueOf(nested.group(1)), n -> new TreeSet<>()).add(type.getName());
			}
			for (JavaMethod method : type.getMethods()) {
				Matcher named = NAME.matcher(method.getName());
				if (named.matches() && isTest(method)) {
					found.computeIfAbsent(Integer.valueOf(named.group(1)), n -> new TreeSet<>())
						.add(type.getName() + "#" + method.getName());
				}
			}
		}
		return found;
	}

	private static boolean isTest(JavaMethod method) {
		return method.isAnnotatedWith("org.junit.jupiter.api.Test")
				|| method.isAnnotatedWith("org.junit.jupiter.api.TestFactory")
				|| method.isAnnotatedWith("org.junit.jupiter.api.RepeatedTest");
	}

	@Test
	void everyInvariantOfDesignSectionFourHasTestsNamedAfterIt() {
		Map<Integer, TreeSet<String>> found = testsByInvariant();
		StringBuilder list = new StringBuilder("Tests of the anonymity invariants:\n");
		found.forEach((n, names) -> names
			.forEach(name -> list.append("  ").append(n).append(": ").append(name).append('\n')));
		System.out.print(list);
		for (int n = 1; n <= INVARIANTS; n++) {
			assertThat(found.get(n)).as("tests named after invariant " + n).isNotNull().isNotEmpty();
		}
		assertThat(found.keySet()).as("no test names an invariant DESIGN does not have")
			.allMatch(n -> n >= 1 && n <= INVARIANTS);
	}

	@Test
	void theAnonymityDocumentNamesEveryInvariantsTests() throws Exception {
		String document = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "anonymity.md"));
		for (Map.Entry<Integer, TreeSet<String>> invariant : testsByInvariant().entrySet()) {
			List<String> named = invariant.getValue()
				.stream()
				.map(name -> name.substring(name.lastIndexOf('.') + 1).replace('$', '.'))
				.filter(document::contains)
				.toList();
			assertThat(named).as("docs/anonymity.md names a test of invariant " + invariant.getKey()).isNotEmpty();
		}
	}

}

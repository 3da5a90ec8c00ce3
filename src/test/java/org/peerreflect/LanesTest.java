package org.peerreflect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.peerreflect.testing.Chromium;
import org.peerreflect.testing.PostgresTestDatabase;
import org.peerreflect.testing.Slow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast lane stays fast: a test that starts Chromium or speaks to PostgreSQL is marked
 * {@link Slow} (itself, or through {@code @OnPostgres}), so that {@code mvn test} leaves
 * it to {@code mvn verify}. The tests of the packaged jar ({@code *IT}) run with verify
 * anyway.
 */
class LanesTest {

	@Test
	void everyTestOfABrowserOrOfPostgresqlIsInTheSlowLane() {
		JavaClasses tests = ClassesRead.tests();
		ArchCondition<JavaClass> marked = new ArchCondition<>("be marked @Slow") {
			@Override
			public void check(JavaClass test, ConditionEvents events) {
				JavaClass outer = test.getEnclosingClass().orElse(test);
				while (outer.getEnclosingClass().isPresent()) {
					outer = outer.getEnclosingClass().get();
				}
				boolean slow = outer.isMetaAnnotatedWith(Slow.class) || outer.isAnnotatedWith(Slow.class);
				events.add(new SimpleConditionEvent(test, slow, test.getName() + " uses a browser or PostgreSQL"));
			}
		};
		classes().that()
			.resideOutsideOfPackages("org.peerreflect.testing..", "org.peerreflect.benchmark..")
			.and()
			.haveSimpleNameNotEndingWith("IT")
			.and()
			.areNotNestedClasses()
			.and()
			.doNotHaveFullyQualifiedName(LanesTest.class.getName())
			.and(com.tngtech.archunit.base.DescribedPredicate.describe("use Chromium or PostgreSQL",
					(JavaClass test) -> test.getDirectDependenciesFromSelf()
						.stream()
						.anyMatch(dependency -> dependency.getTargetClass().isEquivalentTo(Chromium.class)
								|| dependency.getTargetClass().isEquivalentTo(PostgresTestDatabase.class))
							|| test.isMetaAnnotatedWith(org.peerreflect.testing.OnPostgres.class)))
			.should(marked)
			.check(tests);
		assertThat(tests.containPackage("org.peerreflect.system")).as("test classes read").isTrue();
	}

}

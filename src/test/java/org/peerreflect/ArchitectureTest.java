package org.peerreflect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules finer than the modules' allow-list in {@link ModulesTest}: which types of another
 * module may be used, and who may call the methods that read answers (DESIGN section 7).
 */
class ArchitectureTest {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = ClassesRead.main();
	}

	/**
	 * The group summary and the records inside it: everything a person may read; and the
	 * series gate, which reads nothing but group summaries and only takes figures out of
	 * them.
	 */
	private static final DescribedPredicate<JavaClass> GROUP_SUMMARY = DescribedPredicate.describe(
			"the group summary or the series gate over group summaries",
			c -> c.getName().equals("org.peerreflect.gate.GroupSummary")
					|| c.getName().startsWith("org.peerreflect.gate.GroupSummary$")
					|| c.getName().equals("org.peerreflect.gate.SeriesGate")
					|| c.getName().startsWith("org.peerreflect.gate.SeriesGate$"));

	@Test
	void invariant10_reportsReadNothingButGroupSummaries() {
		classes().that()
			.resideInAPackage("org.peerreflect.report..")
			.should()
			.onlyDependOnClassesThat(
					DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.peerreflect.gate.."))
						.or(GROUP_SUMMARY))
			.because("reports are made from group summaries only (invariant 10)")
			.check(classes);
		noClasses().that()
			.resideInAPackage("org.peerreflect.report..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.peerreflect.participation..", "org.apache.commons.csv..", "org.peerreflect.cli..")
			.check(classes);
	}

	/**
	 * The review's flags and language guard read an answer's words on the server only:
	 * the classes that read them may use the JDK's text, collection and resource types
	 * and our own, and nothing that can reach a network (no java.net, no HTTP client, no
	 * library that could load a model from elsewhere).
	 */
	@Test
	void theReviewsFlagsRunHereAndReachNoNetwork() {
		classes().that()
			.haveFullyQualifiedName("org.peerreflect.participation.Flags")
			.or()
			.haveNameMatching("org\\.peerreflect\\.participation\\.Flags\\$.*")
			.or()
			.haveFullyQualifiedName("org.peerreflect.participation.AnswerLanguage")
			.or()
			.haveFullyQualifiedName("org.peerreflect.participation.ReviewFlags")
			.or()
			.haveNameMatching("org\\.peerreflect\\.participation\\.ReviewFlags\\$.*")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java.lang..", "java.util..", "java.text..", "java.io..", "java.nio.charset..",
					"org.peerreflect..", "org.springframework.stereotype..")
			.because("an answer's words never leave the server (issue 26, point 3)")
			.check(classes);
		noClasses().that()
			.haveNameMatching("org\\.peerreflect\\.participation\\.(Flags|AnswerLanguage|ReviewFlags)(\\$.*)?")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.net..", "java.net.http..", "org.springframework.web.client..")
			.check(classes);
	}

	@Test
	void gateKnowsNoOutputFormat() {
		noClasses().that()
			.resideInAPackage("org.peerreflect.gate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.lowagie..", "org.apache.poi..", "org.jfree..", "org.apache.commons.csv..",
					"org.springframework.web..", "jakarta.servlet..", "java.io..", "java.nio.file..",
					"org.peerreflect.report..", "org.peerreflect.participation..", "org.peerreflect.cli..")
			.because("the gate is shared by the command line and the application and knows no files or web")
			.check(classes);
	}

	@Test
	void questionnaireKnowsNoAnswers() {
		noClasses().that()
			.resideInAPackage("org.peerreflect.questionnaire..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.peerreflect.gate..", "org.peerreflect.participation..", "org.peerreflect.report..",
					"org.peerreflect.cli..", "org.apache.commons.csv..")
			.check(classes);
	}

	@Test
	void onlyTheCommandLineAndStartUpReachIntoTheCommandLine() {
		noClasses().that()
			.resideOutsideOfPackages("org.peerreflect.cli..")
			.and()
			.doNotHaveFullyQualifiedName(PeerReflectApplication.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.peerreflect.cli..")
			.check(classes);
	}

	/**
	 * Invariant 10: the count table and the reviewed written answers go only to
	 * publishing, which hands them straight to the gate; the one reading of answers
	 * before the gate is the steward's review page.
	 */
	@Test
	void invariant10_answersReachReadersOnlyThroughTheGateOrTheReviewPage() {
		methods().that()
			.areDeclaredIn("org.peerreflect.participation.ParticipationService")
			.and()
			.haveName("countTable")
			.should()
			.onlyBeCalled()
			.byClassesThat()
			.haveFullyQualifiedName("org.peerreflect.publication.Publication")
			.check(classes);
		methods().that()
			.areDeclaredIn("org.peerreflect.participation.WrittenReview")
			.and()
			.haveName("reviewed")
			.should()
			.onlyBeCalled()
			.byClassesThat()
			.haveFullyQualifiedName("org.peerreflect.publication.Publication")
			.check(classes);
		methods().that()
			.areDeclaredIn("org.peerreflect.participation.WrittenReview")
			.and()
			.haveName("item")
			.should()
			.onlyBeCalled()
			.byClassesThat()
			.haveNameMatching("org\\.peerreflect\\.(participation\\.ReviewController|publication\\.QuoteController)")
			.because("the review page, and choosing quotes from it as it shows them, are the one named exception")
			.check(classes);
		methods().that()
			.areDeclaredIn("org.peerreflect.round.StillMarked")
			.and()
			.haveName("stillMarked")
			.should()
			.onlyBeCalled()
			.byClassesThat()
			.haveNameMatching("org\\.peerreflect\\.(round\\.RoundController|publication\\.PublicationController)")
			.because("the publish form's list of words the review still marks is part of the named exception")
			.check(classes);
		noClasses().that()
			.resideOutsideOfPackages("org.peerreflect.participation..", "org.peerreflect.publication..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.peerreflect.participation.WrittenReview")
			.check(classes);
	}

	/**
	 * What the gate is given, the count table and the written answers, is made only where
	 * answers are read (participation, the command line's answers files) and handed on
	 * only by publishing: an allow-list, so that no other module can take a count table
	 * past the gate.
	 */
	@Test
	void invariant10_theGatesInputIsMadeAndHandedOnOnlyWhereAnswersAreRead() {
		classes().that()
			.haveFullyQualifiedName("org.peerreflect.gate.CountTable")
			.or()
			.haveFullyQualifiedName("org.peerreflect.gate.WrittenAnswers")
			.should()
			.onlyHaveDependentClassesThat()
			.resideInAnyPackage("org.peerreflect.gate..", "org.peerreflect.participation..",
					"org.peerreflect.publication..", "org.peerreflect.cli..")
			.check(classes);
	}

	@Test
	void modulesHaveNoCycles() {
		slices().matching("org.peerreflect.(*)..").should().beFreeOfCycles().check(classes);
	}

}

package org.peerreflect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The project's classes as the structural tests read them: each set read once for the
 * whole run (the tests share one JVM), since reading is most of what such a test costs.
 */
final class ClassesRead {

	private static JavaClasses main;

	private static JavaClasses tests;

	private ClassesRead() {
	}

	/** The application's own classes, without the tests. */
	static synchronized JavaClasses main() {
		if (main == null) {
			main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.peerreflect");
		}
		return main;
	}

	/** The test classes only. */
	static synchronized JavaClasses tests() {
		if (tests == null) {
			tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
				.importPackages("org.peerreflect");
		}
		return tests;
	}

}

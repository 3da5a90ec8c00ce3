package org.peerreflect.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where questionnaires come from: those bundled in the jar (so the default one works from
 * any working directory) and every file in the {@code questionnaires/} folder.
 */
public final class QuestionnaireFiles {

	public static final String BUNDLED = "questionnaires/";

	private QuestionnaireFiles() {
	}

	/**
	 * A path when that file exists; otherwise a bundled questionnaire by id, file name or
	 * the path it has in the repository
	 * ({@code questionnaires/peer-support-principles.yaml}, so that path works from any
	 * working directory). Any other folder is never replaced by a bundled file of the
	 * same name: a mistyped path finds nothing rather than a different questionnaire.
	 */
	public static Optional<QuestionnaireCheck> resolve(String nameOrPath) {
		Path path = Path.of(nameOrPath);
		if (Files.isRegularFile(path)) {
			return Optional.of(QuestionnaireReader.read(path));
		}
		Path folder = path.getParent();
		if (folder != null && !folder.toString().equals(BUNDLED.substring(0, BUNDLED.length() - 1))) {
			return Optional.empty();
		}
		String fileName = path.getFileName() == null ? nameOrPath : path.getFileName().toString();
		if (!fileName.endsWith(".yaml")) {
			fileName = fileName + ".yaml";
		}
		return bundled(fileName);
	}

	static Optional<QuestionnaireCheck> bundled(String fileName) {
		try (InputStream in = QuestionnaireFiles.class.getClassLoader().getResourceAsStream(BUNDLED + fileName)) {
			if (in == null) {
				return Optional.empty();
			}
			return Optional
				.of(QuestionnaireReader.read(BUNDLED + fileName, in.readNBytes(QuestionnaireReader.MAX_BYTES + 1)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A questionnaire file's name and text, with what reading it gave. */
	public record Source(String file, String text, QuestionnaireCheck check) {
	}

	/**
	 * Every bundled questionnaire, then every {@code .yaml} file in the folder (when it
	 * exists).
	 */
	public static List<QuestionnaireCheck> all(Path folder) {
		return sources(folder).stream().map(Source::check).toList();
	}

	/** Like {@link #all}, with each file's text kept beside it. */
	public static List<Source> sources(Path folder) {
		List<Source> sources = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + BUNDLED + "*.yaml")) {
				try (InputStream in = resource.getInputStream()) {
					sources.add(
							source(BUNDLED + resource.getFilename(), in.readNBytes(QuestionnaireReader.MAX_BYTES + 1)));
				}
			}
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
						if (Files.size(file) > QuestionnaireReader.MAX_BYTES) {
							sources.add(new Source(file.toString(), "", QuestionnaireReader.read(file)));
						}
						else {
							sources.add(source(file.toString(), Files.readAllBytes(file)));
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sources;
	}

	private static Source source(String name, byte[] bytes) {
		return new Source(name, new String(bytes, StandardCharsets.UTF_8), QuestionnaireReader.read(name, bytes));
	}

}

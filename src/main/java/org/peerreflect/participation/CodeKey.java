package org.peerreflect.participation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key under which participation codes are stored, as HMAC-SHA-256 only (invariant 2).
 * It lives outside the database: PEER_REFLECT_CODE_KEY, else the file named by
 * PEER_REFLECT_CODE_KEY_FILE, else, on the embedded H2 database only, a key made at first
 * start in {@code ~/.peer-reflect/code.key} readable by its owner alone. On any other
 * database there must be an explicit key, so that every instance shares it.
 */
@Component
public class CodeKey {

	private static final Logger log = LoggerFactory.getLogger(CodeKey.class);

	private final byte[] key;

	CodeKey(@Value("${peer-reflect.code-key:}") String key, @Value("${peer-reflect.code-key-file:}") String keyFile,
			@Value("${peer-reflect.code-key-folder:${user.home}/.peer-reflect}") String folder,
			@Value("${spring.datasource.url:}") String databaseUrl) {
		this.key = load(key, keyFile, Path.of(folder), databaseUrl);
	}

	static byte[] load(String key, String keyFile, Path folder, String databaseUrl) {
		if (key != null && !key.isBlank()) {
			return strong(key.strip().getBytes(StandardCharsets.UTF_8), "PEER_REFLECT_CODE_KEY");
		}
		try {
			if (keyFile != null && !keyFile.isBlank()) {
				return strong(Files.readString(Path.of(keyFile)).strip().getBytes(StandardCharsets.UTF_8),
						"the file " + keyFile);
			}
			if (databaseUrl == null || !databaseUrl.startsWith("jdbc:h2:")) {
				throw new IllegalStateException(
						"Peer Reflect needs a key for participation codes on this database: set "
								+ "PEER_REFLECT_CODE_KEY, or PEER_REFLECT_CODE_KEY_FILE, the same for every instance.");
			}
			Path file = folder.resolve("code.key");
			if (!Files.exists(file)) {
				Files.createDirectories(folder);
				byte[] bytes = new byte[32];
				new SecureRandom().nextBytes(bytes);
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
				log.info("Made a new key for participation codes in {}", file);
			}
			return strong(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8), "the file " + file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] strong(byte[] bytes, String where) {
		if (bytes.length < 32) {
			throw new IllegalStateException(
					"The key for participation codes in " + where + " is too short: give at least 32 characters.");
		}
		return bytes;
	}

	/**
	 * A key of its own for one purpose, derived from this one (HKDF with SHA-256, RFC
	 * 5869): it too lives only where the code key lives, never in the database.
	 */
	byte[] derive(String purpose) {
		try {
			Mac extract = Mac.getInstance("HmacSHA256");
			extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
			byte[] pseudoRandom = extract.doFinal(key);
			Mac expand = Mac.getInstance("HmacSHA256");
			expand.init(new SecretKeySpec(pseudoRandom, "HmacSHA256"));
			expand.update(purpose.getBytes(StandardCharsets.UTF_8));
			expand.update((byte) 1);
			return expand.doFinal();
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The code as stored: HMAC-SHA-256 under the key, in hex. */
	public String hash(String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

}

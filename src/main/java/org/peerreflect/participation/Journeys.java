package org.peerreflect.participation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers not sent yet, so that the browser's Back can show a page drawn again instead of
 * resending a form (invariant 11). They live in this server's memory only, never in the
 * database, a file or a log, sealed with AES-GCM under a key that only the person's
 * browser holds (in the journey cookie): what this map holds cannot be read without that
 * browser. A journey is dropped at Send, at a kiosk's start page, at "stop" and "leave",
 * and after {@link #IDLE} without a page; the map is bounded by a memory budget, so
 * nobody can fill the server with journeys.
 */
@Component
class Journeys {

	/**
	 * A journey ends after this long without a page, and a page's signed time with it.
	 */
	static final Duration IDLE = Duration.ofMinutes(20);

	/**
	 * The cookie that names a journey and carries its key; never stored by the server.
	 */
	static final String COOKIE = "pr_journey";

	private static final int KEY_BYTES = 32;

	private static final int ID_BYTES = 16;

	private static final int NONCE_BYTES = 12;

	private final Map<String, Sealed> sealed = new ConcurrentHashMap<>();

	/**
	 * The review pages whose "Send" went through, by a digest of each page's one-time
	 * token, for 20 minutes: a second press of the same page's "Send" is thanked too.
	 * Never the code, so a code still reads as used, unknown or closed alike.
	 */
	private final Map<String, Instant> sent = new ConcurrentHashMap<>();

	/** At most this many pages sent are remembered at once. */
	private static final int MOST_SENT = 100_000;

	private final AtomicLong bytes = new AtomicLong();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final long budget;

	Journeys(Clock clock,
			@Value("${peer-reflect.journeys.memory:64MB}") org.springframework.util.unit.DataSize budget) {
		this.clock = clock;
		this.budget = budget.toBytes();
	}

	/**
	 * One person's way through a round so far: their code, language, the kiosk they are
	 * at (or null), and answers by field name ({@code a.<item>}, {@code w.<item>},
	 * {@code perspective}).
	 */
	record Journey(String code, String lang, String kiosk, Map<String, String> fields) {

		Journey {
			fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

		Journey with(String newLang, Map<String, String> newFields) {
			return new Journey(code, newLang, kiosk, newFields);
		}

		/** Never the code or an answer, wherever a journey ends up printed. */
		@Override
		public String toString() {
			return "Journey[" + fields.size() + " answers]";
		}

	}

	/** What a browser's journey cookie leads to here. */
	sealed interface Found permits Here, NotHere, NoCookie {

	}

	/** The journey, with its id. */
	record Here(String id, Journey journey) implements Found {
	}

	/**
	 * A journey cookie this server holds nothing for: it ran out, or another server (or
	 * this one before a restart) held it.
	 */
	record NotHere(String id, boolean expired) implements Found {
	}

	/** No journey cookie: none was begun in this browser, or it was ended. */
	record NoCookie() implements Found {
	}

	private record Sealed(byte[] nonce, byte[] box, Instant touched) {
	}

	/**
	 * Begins a journey; returns the cookie value that names it and holds its key, or
	 * empty when the memory budget is spent.
	 */
	Optional<String> begin(Journey journey) {
		dropExpired();
		byte[] id = new byte[ID_BYTES];
		byte[] key = new byte[KEY_BYTES];
		random.nextBytes(id);
		random.nextBytes(key);
		String name = encode(id);
		if (!store(name, key, journey)) {
			return Optional.empty();
		}
		return Optional.of(name + "." + encode(key));
	}

	/** The journey a cookie names, if this server holds it and it has not run out. */
	Found find(String cookie) {
		if (cookie == null || cookie.isBlank()) {
			return new NoCookie();
		}
		String[] parts = cookie.split("\\.", -1);
		if (parts.length != 2) {
			return new NoCookie();
		}
		Sealed held = sealed.get(parts[0]);
		if (held == null) {
			return new NotHere(parts[0], false);
		}
		if (expired(held)) {
			remove(parts[0]);
			return new NotHere(parts[0], true);
		}
		try {
			return new Here(parts[0], open(parts[0], decode(parts[1]), held));
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			// A key that does not open it: not this browser's journey.
			return new NotHere(parts[0], false);
		}
	}

	/**
	 * Keeps the journey's new state, sealed again under the same key with a new nonce.
	 */
	boolean save(String cookie, Journey journey) {
		String[] parts = cookie.split("\\.", -1);
		if (parts.length != 2 || !sealed.containsKey(parts[0])) {
			return false;
		}
		return store(parts[0], decode(parts[1]), journey);
	}

	/** Ends the journey the cookie names, if any. */
	void drop(String cookie) {
		if (cookie == null) {
			return;
		}
		String[] parts = cookie.split("\\.", -1);
		if (parts.length >= 1) {
			remove(parts[0]);
		}
	}

	/** A fresh one-time token for a page that sends. */
	String token() {
		byte[] token = new byte[ID_BYTES];
		random.nextBytes(token);
		return encode(token);
	}

	/** Remembers that the page with this token sent its answers. */
	void sent(String token) {
		if (token == null || token.isBlank()) {
			return;
		}
		Instant now = clock.instant();
		sent.entrySet().removeIf(entry -> Duration.between(entry.getValue(), now).compareTo(IDLE) > 0);
		if (sent.size() < MOST_SENT) {
			sent.put(digest(token), now);
		}
	}

	/** Whether the page with this token sent its answers in the last 20 minutes. */
	boolean wasSent(String token) {
		if (token == null || token.isBlank()) {
			return false;
		}
		Instant at = sent.get(digest(token));
		return at != null && Duration.between(at, clock.instant()).compareTo(IDLE) <= 0;
	}

	private static String digest(String token) {
		try {
			return encode(
					java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** How many journeys are held now, for tests and the operator. */
	int held() {
		dropExpired();
		return sealed.size();
	}

	/** Whether a journey of this id is held (for tests). */
	boolean holds(String id) {
		return sealed.containsKey(id);
	}

	/** The sealed bytes of every journey held, for tests that look for plain text. */
	byte[][] sealedBytes() {
		return sealed.values().stream().map(Sealed::box).toArray(byte[][]::new);
	}

	private boolean store(String id, byte[] key, Journey journey) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] box;
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
			box = cipher.doFinal(serialize(journey));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is part of every JDK", e);
		}
		Sealed fresh = new Sealed(nonce, box, clock.instant());
		Sealed before = sealed.get(id);
		long grows = box.length - (before == null ? 0 : before.box().length);
		if (grows > 0 && bytes.get() + grows > budget) {
			dropExpired();
			if (bytes.get() + grows > budget) {
				return false;
			}
		}
		Sealed replaced = sealed.put(id, fresh);
		bytes.addAndGet(box.length - (replaced == null ? 0 : replaced.box().length));
		return true;
	}

	private Journey open(String id, byte[] key, Sealed held) throws GeneralSecurityException {
		if (key.length != KEY_BYTES) {
			throw new AEADBadTagException("not a key");
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, held.nonce()));
		cipher.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
		return deserialize(cipher.doFinal(held.box()));
	}

	private boolean expired(Sealed held) {
		return Duration.between(held.touched(), clock.instant()).compareTo(IDLE) > 0;
	}

	private void remove(String id) {
		Sealed gone = sealed.remove(id);
		if (gone != null) {
			bytes.addAndGet(-gone.box().length);
		}
	}

	private void dropExpired() {
		sealed.forEach((id, held) -> {
			if (expired(held)) {
				remove(id);
			}
		});
	}

	private static byte[] serialize(Journey journey) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DataOutputStream data = new DataOutputStream(out)) {
			data.writeUTF(journey.code());
			data.writeUTF(journey.lang());
			data.writeUTF(journey.kiosk() == null ? "" : journey.kiosk());
			data.writeInt(journey.fields().size());
			for (Map.Entry<String, String> field : journey.fields().entrySet()) {
				data.writeUTF(field.getKey());
				data.writeUTF(field.getValue());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static Journey deserialize(byte[] plain) {
		try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(plain))) {
			String code = data.readUTF();
			String lang = data.readUTF();
			String kiosk = data.readUTF();
			int count = data.readInt();
			Map<String, String> fields = new LinkedHashMap<>();
			for (int n = 0; n < count; n++) {
				fields.put(data.readUTF(), data.readUTF());
			}
			return new Journey(code, lang, kiosk.isEmpty() ? null : kiosk, fields);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] decode(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

}

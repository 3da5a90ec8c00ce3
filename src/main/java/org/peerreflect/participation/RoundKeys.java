package org.peerreflect.participation;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each round's own key, under which its answers are kept until publication (invariant 3):
 * a random AES-256 key, held in the database only wrapped under a key derived from the
 * code key, which lives outside it. A copy of the database's files alone opens nothing;
 * destroying the wrapped key at publication leaves what was sealed under it unreadable
 * even with the code key.
 */
@Component
class RoundKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private final JdbcTemplate jdbc;

	private final SecretKey wrapping;

	RoundKeys(JdbcTemplate jdbc, CodeKey codeKey) {
		this.jdbc = jdbc;
		this.wrapping = new SecretKeySpec(codeKey.derive("peer-reflect round keys v1"), "AES");
	}

	/**
	 * Makes the round's key if it has none, within the caller's transaction. Two at once
	 * keep the first.
	 */
	void ensure(UUID roundId) {
		if (has(roundId)) {
			return;
		}
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		try {
			jdbc.update("insert into round_key (round_id, wrapped) values (?, ?)", roundId,
					seal(wrapping, roundId, key));
		}
		catch (DuplicateKeyException first) {
			// Made meanwhile by another request: that one is the round's key.
		}
	}

	private boolean has(UUID roundId) {
		return jdbc.queryForObject("select count(*) from round_key where round_id = ?", Integer.class, roundId) > 0;
	}

	/**
	 * What seals and opens the round's answers; the round's key is made first if it has
	 * none.
	 */
	Sealer of(UUID roundId) {
		ensure(roundId);
		return existing(roundId);
	}

	/** What opens the round's answers, when its key still exists. */
	Sealer existing(UUID roundId) {
		List<byte[]> wrapped = jdbc.queryForList("select wrapped from round_key where round_id = ?", byte[].class,
				roundId);
		if (wrapped.isEmpty()) {
			throw new IllegalStateException("the round's key is gone: its sealed answers can no longer be read");
		}
		return new Sealer(roundId, new SecretKeySpec(open(wrapping, roundId, wrapped.get(0)), "AES"));
	}

	/**
	 * Forgets the round's key, within the caller's transaction: whatever was sealed under
	 * it can no longer be read by anyone.
	 */
	void destroy(UUID roundId) {
		jdbc.update("delete from round_key where round_id = ?", roundId);
	}

	/**
	 * Seals and opens with one round's key; the round's id is bound into every sealed
	 * value, so a value moved to another round does not open.
	 */
	static final class Sealer {

		private final UUID roundId;

		private final SecretKey key;

		Sealer(UUID roundId, SecretKey key) {
			this.roundId = roundId;
			this.key = key;
		}

		byte[] seal(byte[] plain) {
			return RoundKeys.seal(key, roundId, plain);
		}

		byte[] open(byte[] sealed) {
			return RoundKeys.open(key, roundId, sealed);
		}

	}

	/**
	 * AES-GCM with a random nonce before the ciphertext; the round's id as associated
	 * data.
	 */
	static byte[] seal(SecretKey key, UUID roundId, byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(bytes(roundId));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] open(SecretKey key, UUID roundId, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
			cipher.updateAAD(bytes(roundId));
			return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("a sealed answer did not open: wrong key, or changed", e);
		}
	}

	private static byte[] bytes(UUID id) {
		return ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

}

package org.peerreflect.participation;

import java.util.List;
import java.util.stream.Stream;

/**
 * The one list of the tables that hold what people answered. Participation alone names
 * them in SQL (invariant 10: {@code ModulesTest} and {@code AnswerTablesTest} build their
 * checks from {@link #ALL}), and {@link FilesRewriteAfterClose} has their files written
 * anew after close, publication and erasing (invariant 3). A new table that holds
 * answers, codes or keys to them belongs here, or neither check nor rewrite knows of it.
 */
public final class AnswerTables {

	/**
	 * Every table that holds a round's answers, its codes, or keys and bookkeeping that
	 * point at them, from the first card printed to publication: the sealed rows and the
	 * round's key, the responses and their answers, the written answers and their words
	 * as written, the chosen quotes, the questions whose answers in the other language
	 * the steward chose to quote (which tells that fewer than k wrote in it), the
	 * participation codes, the close's table of new keys, and the list of rounds whose
	 * files wait to be rewritten.
	 */
	public static final List<String> ALL = List.of("sealed_response", "round_key", "response", "response_answer",
			"written_answer", "written_answer_as_written", "chosen_quote", "quoted_other_language",
			"participation_code", "answers_rewrite_key", "answers_rewrite_pending");

	/**
	 * The tables whose files are written anew: all of them but the waiting list, which
	 * holds only round ids and changes while the rewrite runs, and with them the round's
	 * own row (the round module's), which counted every answer while the round was open.
	 */
	static final List<String> REWRITTEN = Stream
		.concat(ALL.stream().filter(table -> !table.equals("answers_rewrite_pending")), Stream.of("round"))
		.toList();

	private AnswerTables() {
	}

}

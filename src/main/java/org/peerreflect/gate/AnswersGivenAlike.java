package org.peerreflect.gate;

/**
 * The rule for answers given alike (invariant 8): everyone outside the shown groups keeps
 * at least two possible answers on every item, even for one of them who takes their own
 * answer away, unless the whole round (less that one) answered alike.
 */
final class AnswersGivenAlike {

	private AnswersGivenAlike() {
	}

	/**
	 * Whether the people outside the shown groups (withheld groups, no group, no
	 * perspective) would be left with one possible answer to the item, "no answer"
	 * counting as an answer: the item's figures minus the shown groups' tell how many of
	 * them gave each answer. Read by anyone, that is when they all answered alike; read
	 * by one of them, who takes their own answer away, when all the others did, that is
	 * when all but one of them answered alike (whatever that one answered). Not when the
	 * whole round, less that same reader, answered alike: then "all of us" says it
	 * already, as it does for a whole round that answered alike, and no breakdown changes
	 * that.
	 * @param everyone the item's answers over the round, "no answer" in the last slot
	 */
	static boolean pinnedOutside(long[][] bySlot, long[] roundPeople, boolean[] shown, long[] everyone) {
		long outsidePeople = outsidePeople(roundPeople, shown);
		if (outsidePeople == 0) {
			return false;
		}
		long[] outside = Slots.withSkipped(outsideAnswers(bySlot, shown), outsidePeople);
		if (alike(outside) && !alike(everyone)) {
			return true;
		}
		for (int reader = 0; reader < outside.length; reader++) {
			if (outside[reader] == 0 || outsidePeople == 1) {
				continue;
			}
			outside[reader]--;
			everyone[reader]--;
			boolean pinned = alike(outside) && !alike(everyone);
			outside[reader]++;
			everyone[reader]++;
			if (pinned) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether withholding the item's breakdown by group, and keeping "all of us", is
	 * enough. It keeps the figures: with no group shown everyone is outside the shown
	 * groups, and "all of us" is theirs. But a reader who sees the groups withheld on
	 * this item alone may guess that answers given alike are why, and ask which answer
	 * was given alike: any answer that at least as many people gave as are outside the
	 * shown groups, less one. When at least three answers could be it, everybody outside
	 * (one of them reading included) still has at least two possible answers; with one or
	 * two, the whole item is withheld, so that no figure of it is there to read.
	 */
	static boolean breakdownAloneSuffices(long[] everyone, long people, long[] roundPeople, boolean[] shown) {
		long outsidePeople = outsidePeople(roundPeople, shown);
		if (people == 0 || outsidePeople == 0) {
			return true;
		}
		int couldBe = 0;
		for (long n : everyone) {
			if (n > 0 && n >= outsidePeople - 1) {
				couldBe++;
			}
		}
		return couldBe >= 3;
	}

	private static long outsidePeople(long[] roundPeople, boolean[] shown) {
		long outside = 0;
		for (int p = 0; p < roundPeople.length; p++) {
			if (p >= shown.length || !shown[p]) {
				outside += roundPeople[p];
			}
		}
		return outside;
	}

	/** The item's answers of the people outside the shown groups, per answer slot. */
	private static long[] outsideAnswers(long[][] bySlot, boolean[] shown) {
		long[] outside = new long[bySlot[0].length];
		for (int p = 0; p < bySlot.length; p++) {
			if (p < shown.length && shown[p]) {
				continue;
			}
			for (int o = 0; o < outside.length; o++) {
				outside[o] += bySlot[p][o];
			}
		}
		return outside;
	}

	/** Whether everyone counted in the slots gave one and the same answer. */
	private static boolean alike(long[] slots) {
		int given = 0;
		for (long n : slots) {
			if (n > 0) {
				given++;
			}
		}
		return given <= 1;
	}

}

package org.peerreflect.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the account pages' forms post; kept apart from the accounts themselves. */
final class Forms {

	private Forms() {
	}

	record NewOrganization(@NotBlank @Size(max = 200) String name,
			@NotBlank @Email @Size(max = 320) String stewardEmail) {
	}

	record NewMember(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role) {
	}

	record Setup(@Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String password,
			@NotBlank @Size(max = 200) String repeat) {
	}

	/** The organization's own words, one a line; the service checks the length kept. */
	record IdentifyingWords(@Size(max = AccountService.MOST_IDENTIFYING_CHARACTERS) String words) {
	}

	record PasswordChange(@NotBlank @Size(max = 200) String current, @NotBlank @Size(max = 200) String password,
			@NotBlank @Size(max = 200) String repeat) {
	}

}

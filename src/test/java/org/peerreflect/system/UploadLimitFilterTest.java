package org.peerreflect.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * An upload larger than any page takes goes back to the page it came from, which says so.
 */
class UploadLimitFilterTest {

	private static MockHttpServletResponse upload(String path, int bytes) throws Exception {
		MultipartProperties limits = new MultipartProperties();
		limits.setMaxFileSize(DataSize.ofMegabytes(5));
		limits.setMaxRequestSize(DataSize.ofMegabytes(6));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContentType("multipart/form-data; boundary=x");
		request.setContent(new byte[bytes]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new UploadLimitFilter(limits).doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aQuestionnaireTooLargeGoesBackToTheQuestionnairesPage() throws Exception {
		MockHttpServletResponse response = upload("/questionnaires", 6 * 1024 * 1024);
		assertThat(response.getStatus()).isEqualTo(303);
		assertThat(response.getHeader("Location")).isEqualTo("/questionnaires?tooLarge");
	}

	@Test
	void paperAnswersTooLargeGoBackToTheRoundsPage() throws Exception {
		MockHttpServletResponse response = upload("/rounds/8d1f/paper", 6 * 1024 * 1024);
		assertThat(response.getStatus()).isEqualTo(303);
		assertThat(response.getHeader("Location")).isEqualTo("/rounds/8d1f?paperTooLarge");
	}

	@Test
	void anUploadWithinTheLimitGoesOn() throws Exception {
		assertThat(upload("/rounds/8d1f/paper", 1024).getStatus()).isEqualTo(200);
	}

}

package org.peerreflect.publication;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.peerreflect.organization.SignedIn;
import org.peerreflect.report.Report;
import org.peerreflect.report.ReportFiles;
import org.peerreflect.round.RoundService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Published reports for the organization's stewards and board readers: on screen (for
 * reading and for a projector), and the kept PDF and workbook to download. Everything
 * here reads what was kept at publication.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Publication publication;

	private final RoundService rounds;

	private final ChartImages charts;

	private final Handouts handouts;

	ReportController(Publication publication, RoundService rounds, ChartImages charts, Handouts handouts) {
		this.publication = publication;
		this.rounds = rounds;
		this.charts = charts;
		this.handouts = handouts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedIn reader, Model model) {
		model.addAttribute("reports", publication.published(reader.organizationId()));
		return "publication/list";
	}

	@GetMapping("/{id}")
	String report(@PathVariable UUID id, @AuthenticationPrincipal SignedIn reader, Model model) {
		Published published = kept(id, reader);
		model.addAttribute("published", published);
		model.addAttribute("report", published.report());
		model.addAttribute("agreements", publication.agreements(id, reader.organizationId()));
		model.addAttribute("textLanguage", new TextLanguage());
		model.addAttribute("noGroupShown", noGroupShown(published.report()));
		return "publication/report";
	}

	/**
	 * Whether the report's tables have rows for groups and none of them is shown: then
	 * the page says so once, instead of "not shown" on every table.
	 */
	static boolean noGroupShown(Report report) {
		boolean groups = false;
		for (Report.PrincipleBlock principle : report.principles()) {
			for (Report.ItemBlock item : principle.items()) {
				if (item.table() == null) {
					continue;
				}
				for (Report.Row row : item.table().rows()) {
					if (!row.strong()) {
						groups = true;
						if (row.shown()) {
							return false;
						}
					}
				}
			}
		}
		return groups;
	}

	@GetMapping("/{id}/report.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal SignedIn reader) {
		byte[] pdf = publication.pdf(id, reader.organizationId())
			.orElseThrow(() -> PublicationProblem.notFound("round.notPublished"));
		return download(pdf, MediaType.APPLICATION_PDF, fileName(id, reader) + ".pdf");
	}

	@GetMapping("/{id}/report.xlsx")
	ResponseEntity<byte[]> workbook(@PathVariable UUID id, @AuthenticationPrincipal SignedIn reader) {
		byte[] workbook = publication.workbook(id, reader.organizationId())
			.orElseThrow(() -> PublicationProblem.notFound("round.notPublished"));
		return download(workbook, XLSX, fileName(id, reader) + ".xlsx");
	}

	/** The handout: two pages in large type for people who will not go online. */
	@GetMapping("/{id}/handout.pdf")
	ResponseEntity<byte[]> handout(@PathVariable UUID id, @AuthenticationPrincipal SignedIn reader) {
		byte[] pdf = handouts.pdf(id, reader.organizationId())
			.orElseThrow(() -> PublicationProblem.notFound("round.notPublished"));
		return download(pdf, MediaType.APPLICATION_PDF, fileName(id, reader) + "-handout.pdf");
	}

	/** One chart of the web report, drawn from the kept report. */
	@GetMapping("/{id}/charts/{index}.png")
	ResponseEntity<byte[]> chart(@PathVariable UUID id, @PathVariable int index,
			@RequestParam(name = "narrow", defaultValue = "false") boolean narrow,
			@AuthenticationPrincipal SignedIn reader) {
		// Read first, so that only the organization's readers reach a kept picture.
		byte[] png = charts.png(id, kept(id, reader).report(), index, narrow);
		if (png == null) {
			throw PublicationProblem.notFound("round.notFound");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(png);
	}

	private Published kept(UUID id, SignedIn reader) {
		return publication.report(id, reader.organizationId())
			.orElseThrow(() -> PublicationProblem.notFound("round.notPublished"));
	}

	static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	/** "peer-reflect-autumn-2026", from the round's name in plain letters. */
	private String fileName(UUID id, SignedIn reader) {
		String plain = ReportFiles.slug(rounds.round(id, reader.organizationId()).name(), 60);
		return "peer-reflect" + (plain.isEmpty() ? "" : "-" + plain);
	}

}

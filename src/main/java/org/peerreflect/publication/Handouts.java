package org.peerreflect.publication;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.UUID;

import org.peerreflect.report.Handout;
import org.peerreflect.round.ResultsLinks;
import org.peerreflect.system.PublicAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published round's handout for people who will not go online, the same from the
 * round's page and from its results page: the kept model, what we agreed so far (so that
 * agreements written after the meeting reach it without publishing again), and the
 * results address while the round shares one.
 */
@Service
@Transactional(readOnly = true)
class Handouts {

	private final Publication publication;

	private final ResultsLinks links;

	private final PublicAddress address;

	Handouts(Publication publication, ResultsLinks links, PublicAddress address) {
		this.publication = publication;
		this.links = links;
		this.address = address;
	}

	/** The handout's PDF; empty when the round is not published. */
	Optional<byte[]> pdf(UUID roundId, UUID organizationId) {
		return publication.report(roundId, organizationId).map(published -> {
			// Only an address that shows something now is printed on paper that lasts.
			String shared = links.link(roundId, organizationId)
				.filter(ResultsLinks.Link::shared)
				.filter(link -> links.allowed(organizationId))
				.map(link -> address.link(link.path()))
				.orElse(null);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Handout.write(published.report(),
					new Handout.Extra(
							publication.agreements(roundId, organizationId).stream().map(Agreement::text).toList(),
							shared),
					out);
			return out.toByteArray();
		});
	}

}

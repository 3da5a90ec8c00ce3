package org.peerreflect.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.peerreflect.testing.Chromium;

/**
 * The results page as a member's phone gets it: Chromium at 390 x 844 pixels, its network
 * held to a slow 3G connection (2 s round trip, 400 kbit/s each way) and its cache off,
 * so that each run fetches everything again. Prints the bytes that came over the network
 * and the time to first paint and to first contentful paint, as Chromium measures them,
 * for each run, then the handout's size. Run by {@code benchmarks/results-page.sh}.
 */
public final class ResultsPageBenchmark {

	private ResultsPageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String address = args[0];
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		List<Double> firstPaints = new ArrayList<>();
		List<Double> contentful = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			ChromeDriver phone = Chromium.start(390, 844);
			try {
				phone.executeCdpCommand("Network.enable", Map.of());
				phone.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
				phone.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 2000,
						"downloadThroughput", 400 * 1000 / 8, "uploadThroughput", 400 * 1000 / 8));
				phone.get(address);
				// The paint entries may come a frame after the load: wait for them.
				phone.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
				@SuppressWarnings("unchecked")
				Map<String, Object> measured = (Map<String, Object>) phone.executeAsyncScript(
						"""
								const done = arguments[arguments.length - 1];
								const paints = {};
								const report = () => {
								  const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
								  done({
								    firstPaint: paints['first-paint'],
								    firstContentfulPaint: paints['first-contentful-paint'],
								    transferred: all.reduce((sum, entry) => sum + entry.transferSize, 0),
								    decoded: all.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
								    requests: all.length
								  });
								};
								new PerformanceObserver(list => {
								  list.getEntries().forEach(entry => paints[entry.name] = entry.startTime);
								  if (paints['first-contentful-paint'] !== undefined) report();
								}).observe({ type: 'paint', buffered: true });
								""");
				double first = ((Number) measured.get("firstPaint")).doubleValue();
				double fcp = ((Number) measured.get("firstContentfulPaint")).doubleValue();
				firstPaints.add(first);
				contentful.add(fcp);
				System.out.printf(
						"run %d: %d requests, %,d bytes over the network (%,d decoded), first paint %.0f ms, "
								+ "first contentful paint %.0f ms%n",
						run, ((Number) measured.get("requests")).intValue(),
						((Number) measured.get("transferred")).longValue(),
						((Number) measured.get("decoded")).longValue(), first, fcp);
			}
			finally {
				phone.quit();
			}
		}
		Collections.sort(firstPaints);
		Collections.sort(contentful);
		System.out.printf("first paint: min %.0f, median %.0f, max %.0f ms%n", firstPaints.get(0),
				firstPaints.get(runs / 2), firstPaints.get(runs - 1));
		System.out.printf("first contentful paint: min %.0f, median %.0f, max %.0f ms%n", contentful.get(0),
				contentful.get(runs / 2), contentful.get(runs - 1));
		HttpResponse<byte[]> handout = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(address + "/handout.pdf")).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		System.out.printf("handout: HTTP %d, %,d bytes%n", handout.statusCode(), handout.body().length);
	}

}

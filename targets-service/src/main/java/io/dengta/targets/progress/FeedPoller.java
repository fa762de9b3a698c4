package io.dengta.targets.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import io.dengta.targets.source.ActualSources;
import io.dengta.targets.source.IndicatorsApi;
import io.dengta.targets.source.SourceUnavailableException;
import io.dengta.targets.source.UpstreamReader;
import io.quarkus.scheduler.Scheduled;

/**
 * Follows indicators-service's change feed: each new or changed observation recomputes the targets reading that
 * indicator for that unit. The cursor is stored, so a restart goes on where it stopped; a failed poll leaves it where
 * it was (the next poll sees the same changes again, and recomputation is idempotent). Needs the service token
 * ({@code dengta.sources.service-token}); without it the poller does nothing.
 */
@ApplicationScoped
public class FeedPoller {

    static final String FEED = "indicators-observations";
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final int PAGE = 500;

    private final UpstreamReader upstream;
    private final ActualSources sources;
    private final TargetDefinitions targets;
    private final ProgressService progress;
    private final ProgressStore store;

    public FeedPoller(UpstreamReader upstream, ActualSources sources, TargetDefinitions targets, ProgressService progress,
            ProgressStore store) {
        this.upstream = upstream;
        this.sources = sources;
        this.targets = targets;
        this.progress = progress;
        this.store = store;
    }

    @Scheduled(every = "${dengta.progress.feed-poll:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "indicators-feed")
    void scheduled() {
        Optional<String> token = progress.serviceAuthorization();
        if (token.isEmpty()) {
            LOG.debug("no service token configured: the observation feed is not polled");
            return;
        }
        try {
            poll(token.get());
        } catch (SourceUnavailableException | FaultToleranceException e) {
            String reason = ProgressEngine.reason(e);
            LOG.infof("observation feed not polled: %s", reason);
            // new observations may be waiting unseen: what is stored for the targets reading them is stale
            store.markFeedStale("indicators-service's change feed could not be read: " + reason);
        }
    }

    /** Reads the feed from the stored cursor to its end and recomputes the targets it touches; how many were recomputed. */
    public int poll(String authorization) {
        int recomputed = 0;
        long after = store.cursor(FEED);
        while (true) {
            IndicatorsApi.Changes page = upstream.changes(authorization, after, PAGE);
            Map<String, String[]> touched = new LinkedHashMap<>();
            for (IndicatorsApi.Change c : page.items()) {
                String[] parts = c.key() == null ? new String[0] : c.key().split("\\?")[0].split("/");
                if (parts.length >= 2) {
                    touched.put(parts[0] + "/" + parts[1], parts);
                }
            }
            for (String[] key : touched.values()) {
                sources.evict(key[0], key[1]);
                List<TargetDefinition> defs = targets.readingObservations(key[0], key[1]);
                if (!defs.isEmpty()) {
                    recomputed += progress.recompute(defs, authorization, "feed").targets();
                }
            }
            if (page.next() <= after || page.items().isEmpty()) {
                store.moveCursor(FEED, Math.max(after, page.next()));
                store.clearFeedStale();
                return recomputed;
            }
            after = page.next();
            store.moveCursor(FEED, after);
        }
    }
}

package io.rebound.activity.provider;

import io.rebound.activity.ingest.DeviceActivity;
import java.time.Duration;
import java.util.Objects;

/**
 * What asking a provider for one activity came to. The caller switches over it: store the activity, forget it,
 * ask the runner to reconnect, wait, retry with {@link Backoff}, or log and move on.
 */
public sealed interface FetchResult {

    /** The provider's activity, mapped onto Rebound's terms. */
    record Fetched(DeviceActivity activity) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(activity, "activity");
        }
    }

    /** HTTP 404: the activity was deleted at the provider (or never was there), so forget it here too. */
    record NotFound() implements FetchResult {
    }

    /** HTTP 401: the runner's token expired or was revoked; refresh it, or the runner has to connect again. */
    record Unauthorized() implements FetchResult {
    }

    /** HTTP 429: over the provider's rate limit; ask again no sooner than {@code retryAfter} from now. */
    record RateLimited(Duration retryAfter) implements FetchResult {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
            }
        }
    }

    /** A 5xx, a timeout or a broken connection: the same request may well work later. */
    record TransientFailure(String reason) implements FetchResult {
        public TransientFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An answer no retry will change (a body that cannot be mapped, another 4xx): log it and move on. */
    record Unprocessable(String reason) implements FetchResult {
        public Unprocessable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

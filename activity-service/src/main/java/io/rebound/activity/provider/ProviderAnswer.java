package io.rebound.activity.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call to a provider's OAuth or API endpoint came to. Unlike {@code FetchResult} it carries any value, so
 * token answers, activity lists and backfill requests share one way of sorting the provider's answers.
 */
public sealed interface ProviderAnswer<T> {

    /** A 2xx answer, mapped. */
    record Ok<T>(T value) implements ProviderAnswer<T> {
    }

    /** A 4xx other than 429: the provider said no (a refused code, a revoked token); asking again will not help. */
    record Refused<T>(int status, String body) implements ProviderAnswer<T> {
        public Refused {
            body = body == null ? "" : body;
        }
    }

    /** HTTP 429: ask again no sooner than {@code retryAfter} from now. */
    record RateLimited<T>(Duration retryAfter) implements ProviderAnswer<T> {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** A 5xx, a timeout, a broken connection or an answer we cannot read: the provider is down or confused. */
    record Unavailable<T>(String reason) implements ProviderAnswer<T> {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The same failure, typed for another value. */
    @SuppressWarnings("unchecked")
    default <U> ProviderAnswer<U> failure() {
        if (this instanceof Ok) {
            throw new IllegalStateException("an Ok answer is not a failure");
        }
        return (ProviderAnswer<U>) this;
    }
}

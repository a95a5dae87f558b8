package io.rebound.activity.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** (provider, the provider's user id). */
@Embeddable
public record LinkKey(@Column(name = "provider") String provider, @Column(name = "provider_user_id") String providerUserId)
        implements Serializable {

    public static LinkKey of(Provider provider, String providerUserId) {
        return new LinkKey(provider.code(), providerUserId);
    }
}

package io.rebound.activity.connect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.links.TokenCipher;
import io.rebound.activity.provider.Credentials;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.TokenGrant;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps connections' access tokens fresh: a token with less than five minutes left is refreshed before use, and a
 * token the provider refuses (401) is refreshed once. A refresh holds the link's row lock from reading the refresh
 * token to storing the new tokens, in one transaction: two workers refreshing at once take turns, and the second
 * finds the first one's tokens instead of spending the refresh token again, so the newest (rotated) refresh token is
 * never lost. A refresh the provider refuses means the runner revoked our access: the connection is marked
 * {@code reconnect-needed}.
 */
@ApplicationScoped
public class TokenKeeper {

    static final Duration EARLY = Duration.ofMinutes(5);

    /** What a job can do with a connection's token. */
    public sealed interface Fresh {

        /** Use this access token. */
        record Usable(String accessToken) implements Fresh {
            @Override
            public String toString() {
                return "Usable[...]";
            }
        }

        /** The runner has to connect again; the connection says so already. */
        record ReconnectNeeded(String reason) implements Fresh {
        }

        /** The provider could not refresh just now (down, or rate limited): try again later. */
        record NotNow(ProviderAnswer<?> answer) implements Fresh {
        }
    }

    private final TokenCipher tokens;
    private final OAuthClients clients;
    private final ConnectSettings settings;
    private final Clock clock = Clock.systemUTC();

    public TokenKeeper(TokenCipher tokens, OAuthClients clients, ConnectSettings settings) {
        this.tokens = tokens;
        this.clients = clients;
        this.settings = settings;
    }

    /** The link's access token, refreshed first when it expires within five minutes. Call on {@code context}. */
    public Uni<Fresh> accessToken(Context context, DeviceLink link) {
        if (link.accessToken == null || DeviceLink.RECONNECT_NEEDED.equals(link.status)) {
            return Uni.createFrom().item(new Fresh.ReconnectNeeded("the runner must connect " + link.key.provider()
                    + " again"));
        }
        Provider provider = provider(link);
        if (!expiresSoon(link) || !refreshable(provider, link)) {
            return Uni.createFrom().item(new Fresh.Usable(tokens.decrypt(link.accessToken)));
        }
        return refresh(context, provider, link.key.providerUserId(), tokens.decrypt(link.accessToken));
    }

    /**
     * The provider refused {@code usedToken} (401): refresh once where the provider can, else (Polar) mark the
     * connection {@code reconnect-needed}.
     */
    public Uni<Fresh> afterUnauthorized(Context context, Provider provider, String providerUserId, String usedToken) {
        if (!clients.of(provider).refreshes()) {
            return markReconnectNeeded(context, provider, providerUserId, provider.code() + " refused the access token")
                    .map(ignored -> new Fresh.ReconnectNeeded(provider.code() + " refused the access token: the runner"
                            + " must connect again"));
        }
        return refresh(context, provider, providerUserId, usedToken);
    }

    /** Marks the connection {@code reconnect-needed}; the runner's next connect clears it. */
    public Uni<Void> markReconnectNeeded(Context context, Provider provider, String providerUserId, String why) {
        Log.warnf("%s user %s: %s; the connection needs the runner to connect again", provider.code(), providerUserId,
                why);
        return SafeContexts.on(context, () -> Panache.withTransaction(() -> DeviceLink.update(
                "status = ?1 where key = ?2", DeviceLink.RECONNECT_NEEDED, LinkKey.of(provider, providerUserId))))
                .replaceWithVoid();
    }

    private Uni<Fresh> refresh(Context context, Provider provider, String providerUserId, String staleToken) {
        return SafeContexts.on(context, () -> Panache.withTransaction(() -> DeviceLink.<DeviceLink>findById(
                LinkKey.of(provider, providerUserId), LockModeType.PESSIMISTIC_WRITE).chain(link -> {
                    if (link == null || link.accessToken == null || DeviceLink.RECONNECT_NEEDED.equals(link.status)) {
                        return Uni.createFrom().<Fresh>item(new Fresh.ReconnectNeeded("the runner must connect "
                                + provider.code() + " again"));
                    }
                    String current = tokens.decrypt(link.accessToken);
                    if (!current.equals(staleToken) && !expiresSoon(link)) {
                        // Another worker refreshed while we waited for the lock: its token is ours too.
                        return Uni.createFrom().<Fresh>item(new Fresh.Usable(current));
                    }
                    if (link.refreshToken == null) {
                        link.status = DeviceLink.RECONNECT_NEEDED;
                        return Uni.createFrom().<Fresh>item(new Fresh.ReconnectNeeded("no refresh token stored: the"
                                + " runner must connect " + provider.code() + " again"));
                    }
                    Credentials credentials = settings.require(provider);
                    String refreshToken = tokens.decrypt(link.refreshToken);
                    return Blocking.call(context, () -> clients.of(provider).refresh(credentials, refreshToken))
                            .map(answer -> store(link, provider, answer));
                })));
    }

    private Fresh store(DeviceLink link, Provider provider, ProviderAnswer<TokenGrant> answer) {
        if (answer instanceof ProviderAnswer.Ok<TokenGrant> ok) {
            TokenGrant grant = ok.value();
            link.accessToken = tokens.encrypt(grant.accessToken());
            if (grant.refreshToken() != null) {
                link.refreshToken = tokens.encrypt(grant.refreshToken());
            }
            link.tokenExpiresAt = grant.expiresAt();
            return new Fresh.Usable(grant.accessToken());
        }
        if (answer instanceof ProviderAnswer.Refused<TokenGrant> refused) {
            link.status = DeviceLink.RECONNECT_NEEDED;
            Log.warnf("%s refused to refresh the token of user %s (HTTP %d): the runner must connect again",
                    provider.code(), link.key.providerUserId(), refused.status());
            return new Fresh.ReconnectNeeded(provider.code() + " refused the refresh token (HTTP " + refused.status()
                    + "): the runner must connect again");
        }
        return new Fresh.NotNow(answer);
    }

    private boolean expiresSoon(DeviceLink link) {
        return link.tokenExpiresAt != null && link.tokenExpiresAt.isBefore(Instant.now(clock).plus(EARLY));
    }

    private boolean refreshable(Provider provider, DeviceLink link) {
        return ConnectSettings.PROVIDERS.contains(provider) && clients.of(provider).refreshes();
    }

    private static Provider provider(DeviceLink link) {
        return Provider.valueOf(link.key.provider().toUpperCase(java.util.Locale.ROOT));
    }
}

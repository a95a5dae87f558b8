package io.rebound.notification.email;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.notification.NotificationConfig;
import io.rebound.notification.contacts.Contact;
import io.rebound.notification.email.words.Wording;
import io.rebound.notification.email.words.Wordings;
import io.rebound.notification.preferences.EmailFooter;
import io.rebound.notification.preferences.RecipientPolicy;
import io.rebound.notification.preferences.UnsubscribeLinks;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The PT's daily digest (docs/domain.md "Who hears what"): every WARNING waiting for a PT goes out in one email at
 * 07:00 local time, all their runners together. A digest is claimed (a row unique per PT and local date) before it
 * is sent, so a PT gets at most one a day; one that fails to send is released and tried at the next tick.
 */
@ApplicationScoped
public class DigestService {

    static final LocalTime SEND_AT = LocalTime.of(7, 0);

    private final SmtpClient smtp;
    private final AlertEmails emails;
    private final NotificationConfig config;
    private final Vertx vertx;
    private final EmailTemplates templates;
    private final Wording words;
    private final RecipientPolicy policy;
    private final EmailMetrics metrics;
    private final UnsubscribeLinks links;

    public DigestService(SmtpClient smtp, AlertEmails emails, NotificationConfig config, Vertx vertx,
            EmailTemplates templates, Wordings wordings, RecipientPolicy policy, UnsubscribeLinks links,
            EmailMetrics metrics) {
        this.smtp = smtp;
        this.emails = emails;
        this.config = config;
        this.vertx = vertx;
        this.templates = templates;
        this.words = wordings.chosen();
        this.policy = policy;
        this.metrics = metrics;
        this.links = links;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.digestEnabled()) {
            SafeContexts.on(SafeContexts.fresh(vertx), () -> sendDue(Instant.now())).subscribe().with(
                    sent -> Log.debugf("digests sent: %d", sent),
                    failure -> Log.warnf("digests: %s; will retry at the next tick", failure.getMessage()));
        }
    }

    /**
     * Sends every digest that is due at {@code now}: for each PT with WARNINGs waiting whose local time has reached
     * 07:00 and who has had no digest this local day. Answers how many went out. Run on a safe Vert.x context.
     */
    public Uni<Integer> sendDue(Instant now) {
        return claim(now).chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().asList()
                .map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<List<Claimed>> claim(Instant now) {
        return Panache.withTransaction(() -> Delivery.<Delivery>list("recipientRole = ?1 and state = ?2 and kind = ?3",
                        RecipientRole.PT, DeliveryState.PENDING_DIGEST, Delivery.ALERT)
                .chain(waiting -> waiting.isEmpty() ? Uni.createFrom().item(List.<Claimed>of()) : Contact.<Contact>list("runnerId in ?1",
                                waiting.stream().map(d -> d.runnerId).distinct().toList())
                        .chain(contacts -> {
                            Map<String, Contact> byRunner = contacts.stream()
                                    .collect(Collectors.toMap(c -> c.runnerId, Function.identity()));
                            Map<String, List<Delivery>> byPt = waiting.stream()
                                    .filter(d -> byRunner.containsKey(d.runnerId))
                                    .collect(Collectors.groupingBy(d -> d.recipientEmail, LinkedHashMap::new, Collectors.toList()));
                            return Multi.createFrom().iterable(byPt.entrySet())
                                    .onItem().transformToUniAndConcatenate(e -> claimOne(e.getKey(), e.getValue(), byRunner, now))
                                    .collect().asList()
                                    .map(list -> list.stream().filter(c -> c != null).toList());
                        })));
    }

    /**
     * The PT's digest for their local day, if 07:00 (or the end of their quiet hours around it) has come and none was
     * claimed yet; null otherwise. A PT who turned the digest off or unsubscribed has their WARNINGs closed unsent.
     */
    private Uni<Claimed> claimOne(String ptEmail, List<Delivery> warnings, Map<String, Contact> byRunner, Instant now) {
        ZoneId planZone = ZoneId.of(byRunner.get(warnings.get(0).runnerId).ptZoneOrRunners());
        String ptId = warnings.get(0).recipientId;
        return policy.digest(ptId, ptEmail, planZone, now, SEND_AT).chain(due -> {
            if (due.suppress()) {
                warnings.forEach(d -> d.state = DeliveryState.SUPPRESSED);
                Log.infof("%d WARNING(s) for PT %s suppressed: %s", warnings.size(), ptId,
                        due.reason());
                return Uni.createFrom().nullItem();
            }
            return due.due() ? claimDay(ptEmail, warnings, due.day(), due.zone(), now) : Uni.createFrom().nullItem();
        });
    }

    private Uni<Claimed> claimDay(String ptEmail, List<Delivery> warnings, LocalDate day, ZoneId zone, Instant now) {
        return Digest.count("ptEmail = ?1 and localDate = ?2", ptEmail, day).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().nullItem();
            }
            Digest digest = new Digest();
            digest.id = UUID.randomUUID();
            digest.ptEmail = ptEmail;
            digest.localDate = day;
            digest.timeZone = zone.getId();
            digest.state = Digest.SENDING;
            digest.warnings = warnings.size();
            digest.createdAt = now;
            warnings.forEach(d -> d.digestId = digest.id);
            return digest.persist().replaceWith(new Claimed(digest, warnings));
        });
    }

    private Uni<Boolean> send(Claimed claimed) {
        DigestEmail email = model(claimed);
        EmailFooter footer = links.footer(RecipientRole.PT, claimed.warnings().get(0).recipientId, claimed.digest().ptEmail);
        Mail mail = footer.addHeadersTo(Mail.withText(claimed.digest().ptEmail,
                        words.digestSubject(email.warnings(), claimed.digest().localDate),
                        templates.get("digest.txt").data("digest", email).data("footer", footer).render())
                .setHtml(templates.get("digest.html").data("digest", email).data("footer", footer).render()));
        UUID id = claimed.digest().id;
        return smtp.send(mail).onItemOrFailure().transformToUni((ok, failure) -> Panache.withTransaction(() -> failure == null
                ? Digest.update("state = ?1, sentAt = ?2 where id = ?3", Digest.SENT, Instant.now(), id)
                        .chain(() -> Delivery.update("state = ?1, sentAt = ?2, attempts = attempts + 1 where digestId = ?3",
                                DeliveryState.SENT, Instant.now(), id))
                        .replaceWith(true)
                : Delivery.update("digestId = null, lastError = ?1 where digestId = ?2", "digest: " + failure.getMessage(), id)
                        .chain(() -> Digest.delete("id", id))
                        .invoke(() -> Log.warnf("digest %s could not be sent, will retry: %s", id, failure.getMessage()))
                        .replaceWith(false)))
                .invoke(sent -> metrics.count(EmailMetrics.Kind.DIGEST,
                        sent ? EmailMetrics.Outcome.SENT : EmailMetrics.Outcome.RETRIED));
    }

    private DigestEmail model(Claimed claimed) {
        Map<String, List<Delivery>> byRunner = claimed.warnings().stream()
                .collect(Collectors.groupingBy(d -> d.runnerId, LinkedHashMap::new, Collectors.toList()));
        List<DigestEmail.RunnerSection> runners = new ArrayList<>();
        String ptName = claimed.warnings().get(0).ptName;
        for (List<Delivery> deliveries : byRunner.values()) {
            List<AlertEmail> items = deliveries.stream()
                    .map(d -> emails.model(EventJson.read(d.alertPayload, OverloadAlertRaised.TYPE), d.runnerName, d.ptName))
                    .sorted(Comparator.comparingInt(AlertEmail::day))
                    .toList();
            AlertEmail first = items.get(0);
            runners.add(new DigestEmail.RunnerSection(first.runnerName(), first.runnerId(), first.statusLink(), items));
        }
        runners.sort(Comparator.comparingInt((DigestEmail.RunnerSection r) -> r.warnings().size()).reversed()
                .thenComparing(DigestEmail.RunnerSection::runnerName));
        return new DigestEmail(ptName, words.date(claimed.digest().localDate), claimed.warnings().size(), runners);
    }

    /** A digest row claimed for sending, with its WARNINGs. */
    private record Claimed(Digest digest, List<Delivery> warnings) {
    }
}

package io.rebound.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void everyEventAsWrittenMatchesItsSchema() {
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, EventJson.write(EventSamples.activity()))).isEmpty();
        assertThat(EventSchemas.violations(PlanChanged.TYPE, EventJson.write(EventSamples.plan()))).isEmpty();
        assertThat(EventSchemas.violations(OverloadAlertRaised.TYPE, EventJson.write(EventSamples.alert()))).isEmpty();
        assertThat(EventSchemas.violations(OverloadAlertRaised.TYPE, EventJson.write(EventSamples.alertWithGuidance())))
                .isEmpty();
        assertThat(EventSchemas.violations(ActivityCorrected.TYPE, EventJson.write(EventSamples.corrected()))).isEmpty();
        assertThat(EventSchemas.violations(ActivityDeleted.TYPE, EventJson.write(EventSamples.deleted()))).isEmpty();
        assertThat(EventSchemas.violations(AlertWithdrawn.TYPE, EventJson.write(EventSamples.withdrawn()))).isEmpty();
        assertThat(EventSchemas.violations(DeliveryFailed.TYPE, EventJson.write(EventSamples.deliveryFailed()))).isEmpty();
        assertThat(EventSchemas.violations(AlertAcknowledged.TYPE, EventJson.write(EventSamples.acknowledged()))).isEmpty();
    }

    @Test
    void anAcknowledgementReadsBackAsWrittenWithOrWithoutANote() {
        AlertAcknowledged sent = EventSamples.acknowledged();
        assertThat(EventJson.read(EventJson.write(sent), AlertAcknowledged.TYPE)).isEqualTo(sent);
        AlertAcknowledged silent = new AlertAcknowledged(sent.alertId(), sent.planId(), sent.runnerId(), sent.severity(),
                sent.acknowledgedBy(), null, sent.acknowledgedAt());
        assertThat(EventSchemas.violations(AlertAcknowledged.TYPE, EventJson.write(silent))).isEmpty();
        assertThat(sent.eventId()).isEqualTo(sent.alertId() + ":acknowledged:" + sent.acknowledgedAt().toEpochMilli());
    }

    @Test
    void anAcknowledgementNeedsWhoAndWhenAndKeepsItsNoteShort() {
        String json = EventJson.write(EventSamples.acknowledged());
        assertThat(EventSchemas.violations(AlertAcknowledged.TYPE, json.replaceFirst(",\"acknowledgedBy\":\"pt-lee\"", "")))
                .anyMatch(m -> m.contains("acknowledgedBy"));
        assertThat(EventSchemas.violations(AlertAcknowledged.TYPE,
                json.replace("Spoke to Ana; she will rest until Friday.", "n".repeat(1001))))
                .anyMatch(m -> m.contains("note"));
        assertThat(EventSchemas.violations(AlertAcknowledged.TYPE, json.replace("\"WARNING\"", "\"SEVERE\"")))
                .anyMatch(m -> m.contains("severity"));
    }

    @Test
    void aPtIdOnThePlanMatchesTheSchemaAndReadsBack() {
        PlanChanged plan = EventSamples.plan();
        PlanChanged withId = new PlanChanged(plan.planId(), plan.runnerId(), plan.raceDate(), plan.timeZone(),
                plan.peakWeekMetres(), plan.distanceUnit(), plan.runner(),
                new PlanChanged.Contact("Dr. Lee", "lee@clinic.example.org", null, "clinic-lee-7"), plan.changedAt(), false);
        String json = EventJson.write(withId);
        assertThat(EventSchemas.violations(PlanChanged.TYPE, json)).isEmpty();
        assertThat(EventJson.read(json, PlanChanged.TYPE).physicalTherapist().id()).isEqualTo("clinic-lee-7");
        assertThat(EventSchemas.violations(PlanChanged.TYPE, json.replace("clinic-lee-7", "lee 7")))
                .anyMatch(m -> m.contains("id"));
    }

    @Test
    void aPlanWithoutPtIdIsWrittenAsBeforeAndStillReads() {
        String json = EventJson.write(EventSamples.plan());
        assertThat(json).doesNotContain("\"id\"");
        assertThat(EventSchemas.violations(PlanChanged.TYPE, json)).isEmpty();
        assertThat(EventJson.read(json, PlanChanged.TYPE).physicalTherapist().id()).isNull();
    }

    @Test
    void aDeliveryFailureCarriesNoEmailAddressOrName() {
        String json = EventJson.write(EventSamples.deliveryFailed());
        String withAddress = json.replace("mailbox temporarily unavailable", "<lee@clinic.example.org> unavailable");
        assertThat(EventSchemas.violations(DeliveryFailed.TYPE, withAddress)).anyMatch(m -> m.contains("lastError"));
        String withContact = json.replace("\"runnerId\":", "\"recipientEmail\":\"lee@clinic.example.org\",\"runnerId\":");
        assertThat(EventSchemas.violations(DeliveryFailed.TYPE, withContact)).anyMatch(m -> m.contains("recipientEmail"));
        String redacted = json.replace("mailbox temporarily unavailable", "<address>: mailbox unavailable");
        assertThat(EventSchemas.violations(DeliveryFailed.TYPE, redacted)).isEmpty();
    }

    @Test
    void aDeliveryFailureReadsBackAsWritten() {
        DeliveryFailed sent = EventSamples.deliveryFailed();
        assertThat(EventJson.read(EventJson.write(sent), DeliveryFailed.TYPE)).isEqualTo(sent);
        assertThat(sent.eventId()).isEqualTo(sent.deliveryId() + ":failed");
    }

    @Test
    void massageDepthMustBeLightOrDeep() {
        String json = EventJson.write(EventSamples.activity()).replace("\"massageDepth\":null", "\"massageDepth\":\"firm\"");
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, json)).anyMatch(m -> m.contains("massageDepth"));
    }

    @Test
    void schemaRejectsAnActivityWithoutDistance() {
        String json = EventJson.write(EventSamples.activity()).replaceFirst(",\"distanceMetres\":5000.0", "");
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, json)).anyMatch(m -> m.contains("distanceMetres"));
    }

    @Test
    void schemaRejectsAnUnknownSportAndABadEmail() {
        String activity = EventJson.write(EventSamples.activity()).replace("\"run\"", "\"jog\"");
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, activity)).anyMatch(m -> m.contains("sport"));
        String plan = EventJson.write(EventSamples.plan()).replace("lee@clinic.example.org", "not-an-address");
        assertThat(EventSchemas.violations(PlanChanged.TYPE, plan)).anyMatch(m -> m.contains("email"));
    }

    @Test
    void activityStartKeepsTheReportedOffsetThroughJson() {
        ActivityRecorded sent = EventSamples.activity();
        ActivityRecorded read = EventJson.read(EventJson.write(sent), ActivityRecorded.TYPE);
        assertThat(read).isEqualTo(sent);
        assertThat(read.startTime().getOffset().getTotalSeconds()).isEqualTo(-6 * 3600);
    }

    @Test
    void unreadablePayloadNamesTheEventType() {
        assertThatThrownBy(() -> EventJson.read("{\"sport\": 3", ActivityRecorded.TYPE))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("rebound.activity.recorded.v1");
    }

    @Test
    void phasesResolveBoundaryDaysToTheEarlierWindow() {
        assertThat(Phase.ofDay(0)).isEqualTo(Phase.PRE_PLAN);
        assertThat(Phase.ofDay(3)).isEqualTo(Phase.REST);
        assertThat(Phase.ofDay(7)).isEqualTo(Phase.RECOVER);
        assertThat(Phase.ofDay(8)).isEqualTo(Phase.REINTRODUCE);
        assertThat(Phase.ofDay(14)).isEqualTo(Phase.REINTRODUCE);
        assertThat(Phase.ofDay(21)).isEqualTo(Phase.REBUILD);
        assertThat(Phase.ofDay(28)).isEqualTo(Phase.RESUME);
        assertThat(Phase.ofDay(29)).isEqualTo(Phase.COMPLETE);
    }
}

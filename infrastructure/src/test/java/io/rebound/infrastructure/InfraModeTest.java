package io.rebound.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfraModeTest {

    @AfterEach
    void clear() {
        System.clearProperty("infra");
    }

    @Test
    void embeddedIsTheDefaultAndAlwaysAvailable() {
        assertThat(InfraMode.current()).isEqualTo(InfraMode.EMBEDDED);
        assertThat(InfraMode.EMBEDDED.unavailableReason()).isNull();
    }

    @Test
    void containersWithoutDockerSayWhyAndWhatToDoInstead() {
        assumeFalse(ContainerInfrastructure.dockerAvailable(), "this machine has Docker, so containers are available");
        System.setProperty("infra", "containers");
        assertThat(InfraMode.current().unavailableReason()).contains("Docker").contains("without -Dinfra");
    }

    @Test
    void unknownModeIsRefusedNamingTheChoices() {
        System.setProperty("infra", "cloud");
        assertThatThrownBy(InfraMode::current).hasMessageContaining("embedded, containers or external");
    }
}

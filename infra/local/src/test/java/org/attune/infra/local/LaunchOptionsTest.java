package org.attune.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void without_options_the_stack_is_one_broker_and_one_instance_of_each_service_in_the_default_directory() {
        assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(null, false, 1, 1));
    }

    @Test
    void reads_the_data_directory_the_cluster_size_the_replicas_and_wipe() {
        assertThat(LaunchOptions.parse("--data-dir=/tmp/a", "--brokers=3", "--replicas=2", "--wipe"))
                .isEqualTo(new LaunchOptions("/tmp/a", true, 3, 2));
    }

    @Test
    void an_unknown_option_is_refused_with_the_list_of_known_ones() {
        assertThatThrownBy(() -> LaunchOptions.parse("--brokers=3", "--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option --fast. " + LaunchOptions.USAGE);
    }

    @Test
    void a_count_that_is_not_a_whole_number_is_refused_with_an_example() {
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas=two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("take a whole number, e.g. --brokers=3 --replicas=2");
    }
}

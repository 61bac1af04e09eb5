package org.attune.webui.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox relay and the consent expiry run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}

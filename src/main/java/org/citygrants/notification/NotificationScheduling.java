package org.citygrants.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the overdue-task digest and the mail retry sweep ({@code @Scheduled}); both do nothing
 * while e-mail is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NotificationScheduling {
}

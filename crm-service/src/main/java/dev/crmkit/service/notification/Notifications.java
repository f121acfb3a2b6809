package dev.crmkit.service.notification;

/**
 * The port through which crmkit tells customers about their service: the host implements it with SMS, a messenger
 * or e-mail. crmkit calls it after the unit of work that caused the message committed. Implementations are
 * thread-safe.
 */
public interface Notifications {

    /** Delivers the notification (or queues it for delivery). */
    void send(Notification notification);

    /** A port that delivers nothing, for hosts that tell customers another way. */
    static Notifications none() {
        return notification -> { };
    }
}

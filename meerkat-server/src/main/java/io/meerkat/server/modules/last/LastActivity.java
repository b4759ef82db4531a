package io.meerkat.server.modules.last;

/**
 * When a user's last session closed and the status text of the last unavailable presence it sent.
 *
 * @param timestamp seconds since the epoch
 * @param status empty when none was given
 */
public record LastActivity(long timestamp, String status) {

  public LastActivity {
    status = status == null ? "" : status;
  }
}

package org.heatgrid.gateway;

/** Why a gateway ignored a setpoint message. */
public enum RejectReason {
  /** Not JSON, not matching the schema, or an unsupported schema version. */
  MALFORMED,
  /** Addressed to another site or building than the topic it came on. */
  WRONG_BUILDING,
  /** The same seq as the setpoint held (a redelivery); harmless. */
  DUPLICATE,
  /** A seq below the last one accepted. */
  STALE_SEQ,
  /** valid_until has passed on arrival. */
  EXPIRED,
  /** A value the substation must not take (supply setpoint above its maximum). */
  OUT_OF_RANGE
}

package io.tributary.produce.v3;

import io.tributary.core.produce.OutgoingRecord;
import io.tributary.produce.v3.RecordOutcome.DataReport;

/**
 * A v3 record in Kafka's bytes, with what its receipt reports about key and value (null when the record had no key
 * or no value).
 */
record EncodedRecord(OutgoingRecord record, DataReport key, DataReport value) {}

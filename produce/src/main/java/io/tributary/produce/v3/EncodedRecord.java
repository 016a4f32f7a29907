package io.tributary.produce.v3;

import io.tributary.core.produce.OutgoingRecord;

/**
 * A v3 record in Kafka's bytes, with the types its receipt reports for key and value (null when the record had
 * no key or no value).
 */
record EncodedRecord(OutgoingRecord record, V3DataType keyType, V3DataType valueType) {}

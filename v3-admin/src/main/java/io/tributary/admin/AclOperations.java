package io.tributary.admin;

import io.tributary.core.admin.AclEntries;
import io.tributary.core.admin.AclEntry;
import io.tributary.core.bus.Ack;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/** Searches, creates and deletes ACLs through the cluster's authorizer (40002 when the cluster has none). */
final class AclOperations {
  private final Admin admin;
  private final Context context;

  AclOperations(Admin admin, Context context) {
    this.admin = admin;
    this.context = context;
  }

  Future<AclEntries> search(AclEntry filter) {
    return KafkaFutures.toFuture(admin.describeAcls(AclMapping.filter(filter)).values(), context)
        .map(AclOperations::sorted);
  }

  Future<Ack> create(List<AclEntry> acls) {
    return KafkaFutures.toFuture(admin.createAcls(acls.stream().map(AclMapping::binding).toList()).all(), context)
        .map(done -> Ack.INSTANCE);
  }

  Future<AclEntries> delete(AclEntry filter) {
    return KafkaFutures.toFuture(admin.deleteAcls(List.of(AclMapping.filter(filter))).all(), context)
        .map(AclOperations::sorted);
  }

  private static AclEntries sorted(Collection<AclBinding> bindings) {
    return new AclEntries(bindings.stream().map(AclMapping::entry).sorted(AclMapping.ORDER).toList());
  }
}

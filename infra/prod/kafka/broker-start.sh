#!/bin/bash
# Entry point of each broker in infra/docker-compose.prod.yml: writes the broker's SASL login (JAAS) and the admin
# client properties from the compose secret, then hands over to the image's own start script.
#
# Listeners (all SASL, none published):
#   CLIENT     :9092  SCRAM-SHA-512  the applications, one user each (created by init-cluster.sh)
#   CONTROLLER :9093  PLAIN          KRaft quorum; Kafka cannot authenticate the controller listener with SCRAM
#   INTERNAL   :9094  PLAIN          broker to broker, and the admin user of kafka-init and the health check
# PLAIN rather than SCRAM between brokers: SCRAM credentials live in the cluster metadata, which a broker cannot read
# before it has joined the quorum. Only "admin" exists on the PLAIN listeners.
set -euo pipefail

admin_password="$(tr -d '\r\n' < /run/secrets/kafka-admin-password)"
if [[ ${#admin_password} -lt 24 ]]; then
  echo "broker-start: /run/secrets/kafka-admin-password must hold at least 24 characters" >&2
  exit 2
fi
case "$admin_password" in
  *'"'*|*'\'*) echo "broker-start: the admin password must not contain quotes or backslashes" >&2; exit 2 ;;
esac

# The image's configure step requires /opt/kafka/config to be writable by this user and leaves other files there.
umask 077
cat > /opt/kafka/config/attune-jaas.conf <<JAAS
controller.KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
  username="admin" password="${admin_password}" user_admin="${admin_password}";
};
internal.KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
  username="admin" password="${admin_password}" user_admin="${admin_password}";
};
client.KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
JAAS

cat > /opt/kafka/config/attune-admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin_password}";
PROPS

exec /etc/kafka/docker/run "$@"

package org.attune.system;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.attune.infra.local.LocalStack;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;

/** Direct reads of every service's database, to see what really is stored, not what an API chooses to show. */
final class Stores implements AutoCloseable {

    static final List<String> DATABASES =
            List.of("attune_checkin", "attune_content", "attune_notification", "attune_webui");

    private final MongoClient mongo;

    Stores(LocalStack stack) {
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(stack.mongoUri("admin")))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build();
        this.mongo = MongoClients.create(settings);
    }

    /** "database.collection _id" of every document that mentions the id or the email anywhere inside it. */
    List<String> documentsMentioning(String database, UUID id, String email) {
        var found = new ArrayList<String>();
        var db = mongo.getDatabase(database);
        for (var collection : db.listCollectionNames()) {
            for (var document : db.getCollection(collection).find()) {
                if (mentions(document, id, email)) {
                    found.add(database + "." + collection + " " + document.get("_id"));
                }
            }
        }
        return found;
    }

    Document findById(String database, String collection, Object id) {
        return mongo.getDatabase(database)
                .getCollection(collection)
                .find(new Document("_id", id))
                .first();
    }

    com.mongodb.client.MongoCollection<Document> collection(String database, String collection) {
        return mongo.getDatabase(database).getCollection(collection);
    }

    /** Documents of these clients (their id stored as a UUID or as a string). */
    long countOfClients(String database, String collection, Collection<UUID> clients) {
        return countWhere(database, collection, clients, new Document());
    }

    /** Documents of these clients whose outbox still holds an event. */
    long pendingOfClients(String database, String collection, Collection<UUID> clients) {
        return countWhere(
                database, collection, clients, new Document("outbox.events.0", new Document("$exists", true)));
    }

    /** Recommendations beyond the first for one trigger event and rule: an event applied twice. */
    long repeatedRecommendations(Collection<UUID> clients) {
        var seen = new java.util.HashMap<String, Integer>();
        var recommendations = collection("attune_content", "recommendations");
        for (var client : clients) {
            for (var id : List.<Object>of(client, client.toString())) {
                for (var document : recommendations.find(new Document("clientId", id))) {
                    seen.merge(document.get("triggerEventId") + "/" + document.get("ruleId"), 1, Integer::sum);
                }
            }
        }
        return seen.values().stream().mapToLong(count -> count - 1).sum();
    }

    private long countWhere(String database, String collection, Collection<UUID> clients, Document filter) {
        var documents = collection(database, collection);
        long total = 0;
        for (var client : clients) {
            for (var id : List.<Object>of(client, client.toString())) {
                var query = new Document(filter).append("clientId", id);
                total += documents.countDocuments(query);
            }
        }
        return total;
    }

    private static boolean mentions(Object value, UUID id, String email) {
        return switch (value) {
            case null -> false;
            case String s -> s.contains(id.toString()) || s.equalsIgnoreCase(email);
            case UUID u -> u.equals(id);
            case Binary b -> b.getData().length == 16 && uuidOf(b.getData()).equals(id);
            case Map<?, ?> map -> map.values().stream().anyMatch(v -> mentions(v, id, email));
            case Collection<?> list -> list.stream().anyMatch(v -> mentions(v, id, email));
            default -> false;
        };
    }

    private static UUID uuidOf(byte[] bytes) {
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    @Override
    public void close() {
        mongo.close();
    }
}

package org.attune.webui.config;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Secondary indexes for real MongoDB (the embedded MongoDB-protocol server ignores non-unique ones). Uniqueness never
 * relies on them: it is always an {@code _id}.
 */
@Component
class MongoIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var grants = mongo.indexOps("consent_grants");
        grants.createIndex(new Index().on("clientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        grants.createIndex(new Index().on("therapistId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        grants.createIndex(new Index().on("status", Sort.Direction.ASC).on("endsAt", Sort.Direction.ASC));
        mongo.indexOps("audit_log")
                .createIndex(new Index().on("accountId", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
        mongo.indexOps("invitations").createIndex(new Index().on("therapistId", Sort.Direction.ASC));
    }
}

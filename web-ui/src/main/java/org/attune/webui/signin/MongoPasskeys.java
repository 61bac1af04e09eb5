package org.attune.webui.signin;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.attune.webui.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's two passkey stores on MongoDB (it ships JDBC and in-memory ones only): the WebAuthn user handle of
 * each account ({@code passkey_users}, name = the account's email, which is what sign-in loads accounts by) and each
 * registered passkey's public key and counters ({@code passkey_credentials}). Nothing here is secret; byte strings are
 * kept base64url.
 */
@Component
class MongoPasskeys implements UserCredentialRepository, PublicKeyCredentialUserEntityRepository {

    @Document("passkey_users")
    record UserEntity(@Id String id, String name, String displayName) {}

    @Document("passkey_credentials")
    record Credential(
            @Id String id,
            String userId,
            String type,
            String publicKey,
            long signatureCount,
            boolean uvInitialized,
            List<String> transports,
            boolean backupEligible,
            boolean backupState,
            String attestationObject,
            String attestationClientDataJson,
            String label,
            Instant created,
            Instant lastUsed) {}

    private final MongoTemplate mongo;

    MongoPasskeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    // --- user entities

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        var found = mongo.findById(id.toBase64UrlString(), UserEntity.class);
        return found == null ? null : toEntity(found);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        var found = mongo.findOne(Query.query(Criteria.where("name").is(username)), UserEntity.class);
        return found == null ? null : toEntity(found);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        mongo.save(new UserEntity(
                userEntity.getId().toBase64UrlString(), userEntity.getName(), userEntity.getDisplayName()));
    }

    /**
     * Both Spring Security interfaces declare {@code delete(Bytes)}: one for a passkey's credential id, one for a user
     * handle. Both are random 16+ byte strings that never collide, so removing the id from both stores is right for
     * either caller.
     */
    @Override
    public void delete(Bytes id) {
        var byId = Query.query(Criteria.where("_id").is(id.toBase64UrlString()));
        mongo.remove(byId, Credential.class);
        mongo.remove(byId, UserEntity.class);
    }

    private static PublicKeyCredentialUserEntity toEntity(UserEntity entity) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.fromBase64(entity.id()))
                .name(entity.name())
                .displayName(entity.displayName())
                .build();
    }

    // --- credentials

    @Override
    public void save(CredentialRecord record) {
        mongo.save(new Credential(
                record.getCredentialId().toBase64UrlString(),
                record.getUserEntityUserId().toBase64UrlString(),
                record.getCredentialType() == null
                        ? null
                        : record.getCredentialType().getValue(),
                new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(),
                record.getSignatureCount(),
                record.isUvInitialized(),
                record.getTransports() == null
                        ? List.of()
                        : record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .toList(),
                record.isBackupEligible(),
                record.isBackupState(),
                record.getAttestationObject() == null
                        ? null
                        : record.getAttestationObject().toBase64UrlString(),
                record.getAttestationClientDataJSON() == null
                        ? null
                        : record.getAttestationClientDataJSON().toBase64UrlString(),
                record.getLabel(),
                record.getCreated(),
                record.getLastUsed()));
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        var found = mongo.findById(credentialId.toBase64UrlString(), Credential.class);
        return found == null ? null : toRecord(found);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return mongo
                .find(
                        Query.query(Criteria.where("userId").is(userId.toBase64UrlString()))
                                .with(Sort.by("created")),
                        Credential.class)
                .stream()
                .map(MongoPasskeys::toRecord)
                .toList();
    }

    /** Removes one of this user's passkeys; false when it is not theirs (or gone). */
    boolean deleteCredential(String email, String credentialId) {
        var user = mongo.findOne(Query.query(Criteria.where("name").is(email)), UserEntity.class);
        return user != null
                && mongo.remove(
                                        Query.query(Criteria.where("_id")
                                                .is(credentialId)
                                                .and("userId")
                                                .is(user.id())),
                                        Credential.class)
                                .getDeletedCount()
                        > 0;
    }

    private static CredentialRecord toRecord(Credential c) {
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        if (c.transports() != null) {
            c.transports().forEach(t -> transports.add(AuthenticatorTransport.valueOf(t)));
        }
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.fromBase64(c.id()))
                .userEntityUserId(Bytes.fromBase64(c.userId()))
                .credentialType(c.type() == null ? null : PublicKeyCredentialType.valueOf(c.type()))
                .publicKey(new ImmutablePublicKeyCose(
                        Bytes.fromBase64(c.publicKey()).getBytes()))
                .signatureCount(c.signatureCount())
                .uvInitialized(c.uvInitialized())
                .transports(transports)
                .backupEligible(c.backupEligible())
                .backupState(c.backupState())
                .attestationObject(c.attestationObject() == null ? null : Bytes.fromBase64(c.attestationObject()))
                .attestationClientDataJSON(
                        c.attestationClientDataJson() == null ? null : Bytes.fromBase64(c.attestationClientDataJson()))
                .label(c.label())
                .created(c.created())
                .lastUsed(c.lastUsed())
                .build();
    }

    // --- for the settings view and the sign-in policy

    /** The account's passkeys (by its email, the user entity's name), oldest first. */
    List<CredentialRecord> ofUser(String email) {
        var user = mongo.findOne(Query.query(Criteria.where("name").is(email)), UserEntity.class);
        return user == null ? List.of() : findByUserId(Bytes.fromBase64(user.id()));
    }

    boolean hasAny(String email) {
        var user = mongo.findOne(Query.query(Criteria.where("name").is(email)), UserEntity.class);
        return user != null && mongo.exists(Query.query(Criteria.where("userId").is(user.id())), Credential.class);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        var user = mongo.findOne(Query.query(Criteria.where("name").is(deleted.email())), UserEntity.class);
        if (user != null) {
            mongo.remove(Query.query(Criteria.where("userId").is(user.id())), Credential.class);
            mongo.remove(Query.query(Criteria.where("_id").is(user.id())), UserEntity.class);
        }
    }
}

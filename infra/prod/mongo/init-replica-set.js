// Run by mongod-start.sh on mongo-1, over localhost, on every start (idempotent).
//   1. initiates the three-member replica set rs0 (first start only);
//   2. creates the root user through the localhost exception (first start only);
//   3. as root: one user per service database, readWrite on that database only, and the backup user.
// Passwords come from the compose secrets in /run/secrets; none is printed.
const fs = require('fs');
const secret = (name) => fs.readFileSync('/run/secrets/' + name, 'utf8').trim();

const members = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
const SERVICE_USERS = [
  { user: 'checkin-service', db: 'attune_checkin', secret: 'mongo-checkin-service-password' },
  { user: 'content-service', db: 'attune_content', secret: 'mongo-content-service-password' },
  { user: 'notification-service', db: 'attune_notification', secret: 'mongo-notification-service-password' },
  { user: 'web-ui', db: 'attune_webui', secret: 'mongo-web-ui-password' },
];

function sleep(ms) { const until = Date.now() + ms; while (Date.now() < until) {} }

// 1. Replica set. Before rs.initiate, rs.status() throws NotYetInitialized; after the root user exists it needs auth,
//    which the catch below also meets (Unauthorized): only NotYetInitialized leads to initiate.
try {
  rs.status();
} catch (e) {
  if (e.codeName === 'NotYetInitialized') {
    print('mongo-init: initiating replica set rs0');
    rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })) });
  }
}
for (let i = 0; i < 120 && !db.hello().isWritablePrimary; i++) sleep(1000);
if (!db.hello().isWritablePrimary) {
  print('mongo-init: this member did not become primary; users are created on the next start');
  quit(1);
}

// 2. Root user (localhost exception: only while no user exists).
const admin = db.getSiblingDB('admin');
const rootPassword = secret('mongo-root-password');
try {
  admin.createUser({ user: 'root', pwd: rootPassword, roles: ['root'] });
  print('mongo-init: created the root user');
} catch (e) {
  // exists already, or the localhost exception is over because users exist
}
admin.auth('root', rootPassword);

// 3. Application users and the backup user: created, or their password and roles brought in line with the secrets.
function ensureUser(database, name, password, roles) {
  const target = db.getSiblingDB(database);
  if (target.getUser(name)) {
    target.updateUser(name, { pwd: password, roles: roles });
  } else {
    target.createUser({ user: name, pwd: password, roles: roles });
    print('mongo-init: created user ' + name + ' on ' + database);
  }
}
for (const u of SERVICE_USERS) {
  ensureUser(u.db, u.user, secret(u.secret), [{ role: 'readWrite', db: u.db }]);
}
// mongodump --oplog needs the backup role (reads every database and the oplog).
ensureUser('admin', 'backup', secret('mongo-backup-password'), ['backup']);
print('mongo-init: done');

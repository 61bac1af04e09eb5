// Run by mongod-start.sh on mongo-1, over localhost, on every start (idempotent).
//   1. initiates the three-member replica set rs0 (first start only; retried until the other members answer);
//   2. creates the root user through the localhost exception (first start only, while mongo-1 is primary);
//   3. as root, through the replica set: one user per service database, readWrite on that database only, and the
//      backup user; passwords and roles are brought in line with the secrets on every start.
// Passwords come from the compose secrets in /run/secrets; none is printed.
const fs = require('fs');
const secret = (name) => fs.readFileSync('/run/secrets/' + name, 'utf8').trim();

const MEMBERS = ['mongo-1:27017', 'mongo-2:27017', 'mongo-3:27017'];
const SERVICE_USERS = [
  { user: 'checkin-service', db: 'attune_checkin', secret: 'mongo-checkin-service-password' },
  { user: 'content-service', db: 'attune_content', secret: 'mongo-content-service-password' },
  { user: 'notification-service', db: 'attune_notification', secret: 'mongo-notification-service-password' },
  { user: 'web-ui', db: 'attune_webui', secret: 'mongo-web-ui-password' },
];

function waitFor(what, seconds, condition) {
  for (let i = 0; i < seconds; i++) {
    try {
      if (condition()) return true;
    } catch (e) {
      // not yet
    }
    sleep(1000);
  }
  print('mongo-init: gave up waiting for ' + what);
  return false;
}

// 1. Replica set. Before rs.initiate, replSetGetStatus fails with NotYetInitialized; once users exist it fails with
//    Unauthorized, which also means the set was initiated long ago.
function needsInitiate() {
  try {
    rs.status();
    return false;
  } catch (e) {
    return e.codeName === 'NotYetInitialized';
  }
}
if (needsInitiate()) {
  print('mongo-init: initiating replica set rs0');
  const config = { _id: 'rs0', members: MEMBERS.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })) };
  // The other members may still be starting: initiate fails its quorum check until they answer.
  if (!waitFor('the other members (rs.initiate)', 180, () => !needsInitiate() || rs.initiate(config).ok === 1)) quit(1);
}

// 2. Root user, only possible over localhost while no user exists and this member is primary (priority 2 on a new set).
const rootPassword = secret('mongo-root-password');
const hasNoUsers = () => {
  try {
    return db.getSiblingDB('admin').system.users.countDocuments({}) === 0;
  } catch (e) {
    return false; // Unauthorized: users exist
  }
};
if (hasNoUsers()) {
  if (!waitFor('this member to become primary', 120, () => db.hello().isWritablePrimary)) quit(1);
  db.getSiblingDB('admin').createUser({ user: 'root', pwd: rootPassword, roles: ['root'] });
  print('mongo-init: created the root user');
}

// 3. Application and backup users, through whichever member is primary now.
const set = new Mongo('mongodb://' + MEMBERS.join(',') + '/?replicaSet=rs0');
if (!waitFor('a primary', 120, () => set.getDB('admin').hello().primary)) quit(1);
set.getDB('admin').auth('root', rootPassword);
function ensureUser(database, name, password, roles) {
  const target = set.getDB(database);
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

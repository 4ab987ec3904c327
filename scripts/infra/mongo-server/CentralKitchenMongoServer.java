import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.IndexedH2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The project's embedded MongoDB-wire server: mongo-java-server with its H2 MVStore file backend.
 *
 * <p>H2MongoServer's own main binds 27017 and lets MVStore commit on a background timer, so a
 * SIGKILL could lose writes the client was told were stored. Here the store's auto-commit is off
 * and every write command is committed before its reply leaves the server. Its unique indexes
 * also serve filters with further conditions ({@link IndexedH2Database}), so a guarded update by
 * {@code _id} costs the same with a thousand documents as with a million; and a compound
 * ascending unique index serves "equality on its leading keys, sorted by the rest, limited" in
 * key order ({@code OrderedH2Collection}), so such a page costs what it returns, not the
 * collection.
 *
 * <p>Usage: {@code CentralKitchenMongoServer <host> <port> <data file>}
 */
public final class CentralKitchenMongoServer {

    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert", "update", "delete", "findandmodify", "create", "createindexes", "drop",
        "dropindexes", "dropdatabase", "renamecollection", "aggregate");

    /** Commits the MVStore after each write command, before the reply is sent. */
    static final class CommittingH2Backend extends H2Backend {
        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IndexedH2Database(databaseName, getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document reply = super.handleCommand(channel, database, command, query);
            if (WRITE_COMMANDS.contains(command.toLowerCase())) {
                commit();
            }
            return reply;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CentralKitchenMongoServer <host> <port> <data file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(dataFile.getParent());

        MVStore store = new MVStore.Builder().fileName(dataFile.toString()).autoCommitDisabled().open();
        IndexedH2Database.useStore(store);
        CommittingH2Backend backend = new CommittingH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        System.err.println("central-kitchen mongo server listening on " + host + ":" + port + ", data " + dataFile);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            backend.commit();
            store.close();
            System.err.println("central-kitchen mongo server stopped cleanly");
        }, "shutdown"));
    }
}

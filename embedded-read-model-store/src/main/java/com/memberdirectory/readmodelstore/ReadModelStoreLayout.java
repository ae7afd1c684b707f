package com.memberdirectory.readmodelstore;

/**
 * Names of the read-model store's MVStore maps.
 * <ul>
 *   <li>{@code docs.<database>.<collection>}: the collection's documents as BSON, by id;</li>
 *   <li>{@code index.<database>.<collection>/<index>}: a unique index (a collection name may contain dots, an index
 *       name may too, but neither contains {@code /}).</li>
 * </ul>
 * Files written by mongo-java-server's own H2 backend use other names ({@code databases.…}, {@code meta.…},
 * {@code <database>.<collection>._index_<index>}) and Java-serialized values; {@link ReadModelStoreMigration} converts them.
 */
final class ReadModelStoreLayout {

    static final String DOCUMENTS = "docs.";
    static final String INDEX = "index.";

    private ReadModelStoreLayout() {
    }

    static String documentsMap(String namespace) {
        return DOCUMENTS + namespace;
    }

    static String indexMapPrefix(String namespace) {
        return INDEX + namespace + "/";
    }

    static String indexMap(String namespace, String indexName) {
        return indexMapPrefix(namespace) + indexName;
    }

    static boolean belongsToDatabase(String mapName, String database) {
        return mapName.startsWith(DOCUMENTS + database + ".") || mapName.startsWith(INDEX + database + ".");
    }

    /** The database of a documents map, or {@code null} when the map is not one. */
    static String databaseOf(String mapName) {
        if (!mapName.startsWith(DOCUMENTS)) {
            return null;
        }
        String namespace = mapName.substring(DOCUMENTS.length());
        int dot = namespace.indexOf('.');
        return dot < 0 ? null : namespace.substring(0, dot);
    }
}

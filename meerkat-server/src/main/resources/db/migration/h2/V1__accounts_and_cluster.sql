-- Accounts: SCRAM credentials in pass_details (==MULTI_SCRAM== format); password holds the plain
-- password only when auth.password.format = "plain", and is empty otherwise.
CREATE TABLE users (
    server VARCHAR(250) NOT NULL,
    username VARCHAR(250) NOT NULL,
    password VARCHAR NOT NULL DEFAULT '',
    pass_details VARCHAR,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (server, username)
);

-- CETS node discovery (backend = "rdbms"): one row per live node, refreshed by its heartbeat.
CREATE TABLE discovery_nodes (
    cluster_name VARCHAR(250) NOT NULL,
    node_name VARCHAR(250) NOT NULL,
    node_num INT NOT NULL,
    address VARCHAR(250) NOT NULL DEFAULT '',
    updated_timestamp BIGINT NOT NULL,
    PRIMARY KEY (node_name)
);
CREATE UNIQUE INDEX i_discovery_nodes_node_num ON discovery_nodes (cluster_name, node_num);

-- The cluster id, created once and kept across full-cluster restarts.
CREATE TABLE cluster_id (
    k VARCHAR(50) NOT NULL PRIMARY KEY,
    v VARCHAR(250) NOT NULL
);

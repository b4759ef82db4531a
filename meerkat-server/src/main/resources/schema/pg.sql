-- Meerkat schema for PostgreSQL, for operators who create the database by hand.
-- Meerkat also applies the same schema itself at start (versioned migrations); a test keeps this
-- file equal to what the migrations produce.

CREATE TABLE users (
    server VARCHAR(250) NOT NULL,
    username VARCHAR(250) NOT NULL,
    password TEXT NOT NULL DEFAULT '',
    pass_details TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (server, username)
);

CREATE TABLE discovery_nodes (
    cluster_name VARCHAR(250) NOT NULL,
    node_name VARCHAR(250) NOT NULL,
    node_num INT NOT NULL,
    address VARCHAR(250) NOT NULL DEFAULT '',
    updated_timestamp BIGINT NOT NULL,
    PRIMARY KEY (node_name)
);
CREATE UNIQUE INDEX i_discovery_nodes_node_num ON discovery_nodes (cluster_name, node_num);

CREATE TABLE cluster_id (
    k VARCHAR(50) NOT NULL PRIMARY KEY,
    v VARCHAR(250) NOT NULL
);

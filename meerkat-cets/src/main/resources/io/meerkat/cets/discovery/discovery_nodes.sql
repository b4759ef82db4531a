-- The table of the rdbms discovery backend (PostgreSQL and H2; the Meerkat server's own schema
-- migration creates the same table).
CREATE TABLE discovery_nodes (
    cluster_name VARCHAR(250) NOT NULL,
    node_name VARCHAR(250) NOT NULL,
    node_num INT NOT NULL,
    address VARCHAR(250) NOT NULL DEFAULT '',
    updated_timestamp BIGINT NOT NULL,
    PRIMARY KEY (node_name)
);
CREATE UNIQUE INDEX i_discovery_nodes_node_num ON discovery_nodes (cluster_name, node_num);

-- Domain administrators of the domain_admin GraphQL endpoint: one password per domain, kept as
-- salted SCRAM credentials (==MULTI_SCRAM== format, as users.pass_details), never in plain text.
CREATE TABLE domain_admins (
    domain VARCHAR(250) NOT NULL,
    pass_details VARCHAR NOT NULL,
    PRIMARY KEY (domain)
);

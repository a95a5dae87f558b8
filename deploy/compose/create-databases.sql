-- Run once by the postgres image on an empty data directory (docker-compose.yml): one database per service.
CREATE DATABASE activity;
CREATE DATABASE plan;
CREATE DATABASE notification;

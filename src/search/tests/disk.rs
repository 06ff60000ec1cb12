//! On-disk behaviour: rebuilds, corruption, updates seen by another reader.

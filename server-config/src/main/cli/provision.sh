#!/usr/bin/env bash
# Writes the server configuration ill.xml: a fresh copy of WildFly's pristine standalone.xml,
# changed only by the CLI script given (run offline with embed-server). Called by the Maven build.
set -euo pipefail
home="$1"
script="$2"
cp -f "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/ill.xml"
# A boot of the embedded server leaves history and data behind; none of it belongs to the provisioned server.
rm -rf "$home/standalone/configuration/standalone_xml_history" "$home/standalone/data" "$home/standalone/tmp"
JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true" bash "$home/bin/jboss-cli.sh" --file="$script" \
  > "$home/provision.log" 2>&1 || { cat "$home/provision.log"; exit 1; }
echo "WildFly configured: $home/standalone/configuration/ill.xml"

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Starts the service of an unpacked Talos system extension the way Talos runs an extension service.

  talos-service.py EXTENSION_DIR [--env NAME=VALUE]...

EXTENSION_DIR holds manifest.yaml and rootfs/ (the image's layer). From the service definition
rootfs/usr/local/etc/containers/<name>.yaml it takes the entrypoint, args, environment and mounts;
--env is what an ExtensionServiceConfig's environment adds.
Then, in a private mount namespace of the host's network and PID namespaces: the container root
bound read-only, /proc, /sys (read-only unless writeableSysfs) and /dev as an OCI runtime gives
them, every mount of the definition with its source created as a directory when missing (as Talos
does), nothing else; chroot and exec of the entrypoint, which keeps this process's pid.
A path the definition does not mount is not there, so a program that needs one fails.
"""
import os
import subprocess
import sys

import yaml

CONTAINERS = "rootfs/usr/local/etc/containers"


def die(message):
    print(f"talos-service: {message}", file=sys.stderr)
    sys.exit(2)


def mount(*args):
    subprocess.run(["mount", *args], check=True)


def bind(source, target, read_only):
    mount("--bind", source, target)
    if read_only:
        mount("-o", "remount,bind,ro", target)


def service_definition(extension):
    directory = os.path.join(extension, CONTAINERS)
    names = [n for n in os.listdir(directory) if n.endswith(".yaml")]
    if len(names) != 1:
        die(f"{directory} holds {names}, not one service definition")
    with open(os.path.join(directory, names[0])) as f:
        spec = yaml.safe_load(f)
    root = os.path.join(extension, "rootfs/usr/local/lib/containers", spec["name"])
    if not os.path.isdir(root):
        die(f"no container root {root} for service {spec['name']}")
    return spec, root


def parse_args(argv):
    if not argv or argv[0].startswith("-"):
        die(__doc__.strip().splitlines()[2])
    extension, env = argv[0], []
    rest = argv[1:]
    while rest:
        flag, value, rest = rest[0], rest[1] if len(rest) > 1 else None, rest[2:]
        if flag != "--env" or value is None or "=" not in value:
            die(f"unknown or malformed argument {flag} {value}")
        env.append(value)
    return extension, env


def main(argv):
    extension, extra_env = parse_args(argv)
    spec, root = service_definition(extension)
    container = spec["container"]
    security = container.get("security", {})

    os.unshare(os.CLONE_NEWNS)
    mount("--make-rprivate", "/")
    bind(root, root, read_only=not security.get("writeableRootfs", False))
    mount("-t", "proc", "proc", f"{root}/proc")
    mount("-t", "sysfs", "-o", "rw" if security.get("writeableSysfs", False) else "ro", "sysfs", f"{root}/sys")
    mount("--rbind", "/dev", f"{root}/dev")
    for m in container.get("mounts", []):
        source, destination = m["source"], m["destination"]
        if not os.path.exists(source):
            os.makedirs(source)
        target = root + destination
        if not os.path.exists(target):
            die(f"mount {source} -> {destination}: no mount point {destination} in the read-only container root")
        bind(source, target, read_only="ro" in m.get("options", []))

    env = {}
    for entry in container.get("environment", []) + extra_env:
        name, value = entry.split("=", 1)
        env[name] = value
    entrypoint = container["entrypoint"]
    os.chroot(root)
    os.chdir("/")
    os.execve(entrypoint, [entrypoint, *container.get("args", [])], env)


if __name__ == "__main__":
    main(sys.argv[1:])

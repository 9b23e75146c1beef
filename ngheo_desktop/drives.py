"""What kind of drive a path lives on: local, removable (USB stick, SD card) or network.

SQLite's durability rests on the disk honouring fsync and locks. A USB stick pulled out mid-write or a
network share with broken locking can corrupt the live database, so the app warns before putting its
database there (unless the installation is portable, where the stick *is* the point).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCAL, REMOVABLE, NETWORK, UNKNOWN = "local", "removable", "network", "unknown"

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs",
    "davfs", "fuse.davfs", "fuse.rclone", "fuse.gvfsd-fuse", "lustre", "ncpfs",
})


def _unescape_mount(path: str) -> str:
    # /proc/self/mountinfo escapes space, tab, newline and backslash as octal.
    return path.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _mount_for(path: Path, mountinfo: str) -> tuple[str, str] | None:
    """(major:minor, filesystem type) of the mount holding ``path``: the longest mount-point prefix."""
    best: tuple[int, str, str] | None = None
    target = str(path)
    for line in mountinfo.splitlines():
        left, _, right = line.partition(" - ")
        fields, rest = left.split(), right.split()
        if len(fields) < 5 or not rest:
            continue
        mount_point = _unescape_mount(fields[4])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fields[2], rest[0])
    return (best[1], best[2]) if best else None


def kind_from_mounts(path: Path, mountinfo: str, sysfs: Path) -> str:
    """Linux: the drive kind of an absolute, resolved path from mountinfo text and a sysfs root."""
    mount = _mount_for(path, mountinfo)
    if mount is None:
        return UNKNOWN
    dev, fstype = mount
    if fstype in NETWORK_FILESYSTEMS:
        return NETWORK
    block = sysfs / "dev" / "block" / dev
    if not block.exists():
        return LOCAL  # tmpfs, overlay and other virtual filesystems: not a pluggable disk
    device = block.resolve()
    # A partition's own folder has no "removable" flag; its parent disk has. USB disks that claim to be
    # fixed still sit under a usb bus in sysfs.
    for folder in (device, *device.parents):
        flag = folder / "removable"
        if flag.is_file():
            if flag.read_text().strip() == "1" or "/usb" in str(device):
                return REMOVABLE
            return LOCAL
    return REMOVABLE if "/usb" in str(device) else LOCAL


def _windows_kind(path: Path) -> str:
    import ctypes

    drive_type = ctypes.windll.kernel32.GetDriveTypeW(str(Path(path.anchor)))  # type: ignore[attr-defined]
    return {2: REMOVABLE, 3: LOCAL, 4: NETWORK, 6: LOCAL}.get(drive_type, UNKNOWN)


def drive_kind(path: Path, *, mountinfo: str | None = None, sysfs: Path = Path("/sys")) -> str:
    """Classify the drive of ``path`` (which need not exist yet: its nearest existing folder is used)."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    path = path.resolve()
    if sys.platform == "win32":
        return _windows_kind(path)
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return UNKNOWN
    return kind_from_mounts(path, mountinfo, sysfs)

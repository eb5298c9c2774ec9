"""Record classes with named fields, made as the standard library's dataclasses make them, but quick to define.

`dataclasses` imports `inspect`, and writes and compiles five methods for every class; with some
sixty record classes that was a large part of every start of peertrack. Here the first records of
a class are made by one shared `__init__` that reads the class's fields (compiling costs more than
a few records do), and only a class that goes on to make many has its own `__init__` written and
compiled, so making many records costs what it always did; equality, hashing, repr and the guard of
a frozen record are shared functions. Only what
peertrack uses is offered: `dataclass` (with `frozen`), `field` (with `default` or
`default_factory`) and `replace`. Type checkers are shown the standard library's own, so records
are checked as before.
"""

from __future__ import annotations

TYPE_CHECKING = False  # the typing module alone would add to every start
if TYPE_CHECKING:
    from dataclasses import FrozenInstanceError, dataclass, field, replace
else:
    from operator import attrgetter

    _MISSING = object()
    _FACTORY = object()  # the default of a field whose value a factory makes

    class FrozenInstanceError(AttributeError):
        """A frozen record's field cannot be changed: make a new record with replace()."""

    class _Field:
        __slots__ = ("default", "default_factory")

        def __init__(self, default, default_factory) -> None:
            self.default, self.default_factory = default, default_factory

    def field(*, default=_MISSING, default_factory=_MISSING):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot specify both default and default_factory")
        return _Field(default, default_factory)

    def dataclass(cls=None, /, *, frozen=False):
        def wrap(cls):
            return _make(cls, frozen)

        return wrap if cls is None else wrap(cls)

    def replace(record, /, **changes):
        """A copy of `record` with some fields changed."""
        cls = record.__class__
        places = cls.__record_places__
        if not changes.keys() <= places.keys():
            unknown = set(changes) - set(places)
            raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument {sorted(unknown)[0]!r}")
        values = list(cls.__record_values__(record))  # every field, in order: __init__ takes them so
        for name, value in changes.items():
            values[places[name]] = value
        return cls(*values)

    def _make(cls, frozen: bool):
        names = [name for name, kind in cls.__dict__.get("__annotations__", {}).items()
                 if "ClassVar" not in str(kind)]
        scope: dict = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
        params, lines = [], []
        for name in names:
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, _Field):
                if value.default_factory is not _MISSING:
                    scope[f"_factory_{name}"] = value.default_factory
                    value = _FACTORY
                    delattr(cls, name)
                elif value.default is _MISSING:
                    delattr(cls, name)
                    value = _MISSING
                else:
                    value = value.default
                    setattr(cls, name, value)
            if value is _MISSING:
                params.append(name)
            else:
                scope[f"_default_{name}"] = value
                params.append(f"{name}=_default_{name}")
            made = f"_factory_{name}() if {name} is _FACTORY else {name}" if value is _FACTORY else name
            lines.append(f"    _set(self, {name!r}, {made})" if frozen else f"    self.{name} = {made}")
        source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(lines) or "    pass") + "\n"
        shared = _shared_init(cls, names, [scope.get(f"_default_{name}", _MISSING) for name in names],
                              [scope.get(f"_factory_{name}") for name in names], frozen)
        records_made = [0]

        def __init__(self, *args, **kwargs):
            # A run defines many classes and makes few records of most: the shared __init__ makes the first
            # ones, and a class that makes more has its own written and compiled, as dataclasses writes it.
            records_made[0] += 1
            if records_made[0] <= _SHARED_RECORDS:
                shared(self, args, kwargs)
                return
            exec(source, scope)  # noqa: S102 - the fields' own names, as dataclasses writes them
            init = scope["__init__"]
            init.__qualname__ = f"{cls.__qualname__}.__init__"
            cls.__init__ = init
            init(self, *args, **kwargs)

        cls.__init__ = __init__
        cls.__record_places__ = {name: place for place, name in enumerate(names)}
        values = _values(names)
        cls.__record_values__ = staticmethod(values)

        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return values(self) == values(other)
            return NotImplemented

        def __repr__(self):
            shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
            return f"{self.__class__.__qualname__}({shown})"

        cls.__eq__ = __eq__
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = __repr__
        if frozen:
            def __hash__(self):
                return hash(values(self))

            cls.__hash__ = __hash__
            cls.__setattr__ = _refuse_setattr
            cls.__delattr__ = _refuse_delattr
        else:
            cls.__hash__ = None  # a record that can change cannot be a dictionary key, as with dataclasses
        return cls

    _SHARED_RECORDS = 40  # records a class makes before it has its own __init__: about what compiling one costs

    def _shared_init(cls, names, defaults, factories, frozen):
        """An __init__ for any record class: binds arguments to fields as Python binds them to the written
        __init__'s parameters, refusing what it refuses with the same TypeError."""
        count, place = len(names), {name: i for i, name in enumerate(names)}
        required = sum(default is _MISSING for default in defaults)
        setter = object.__setattr__

        def init(self, args, kwargs):
            given = len(args)
            values = list(args[:count]) + [_MISSING] * (count - given)
            for name, value in kwargs.items():  # checked first, as Python checks them
                at = place.get(name)
                if at is None:
                    raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument '{name}'")
                if at < given:
                    raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument '{name}'")
                values[at] = value
            if given > count:
                takes = f"from {required + 1} to {count + 1}" if required < count else f"{count + 1}"
                raise TypeError(f"{cls.__qualname__}.__init__() takes {takes} positional argument"
                                f"{'s' if count else ''} but {given + 1} were given")
            missing = [names[i] for i in range(given, count) if values[i] is _MISSING and defaults[i] is _MISSING]
            if missing:
                raise TypeError(f"{cls.__qualname__}.__init__() missing {len(missing)} required positional "
                                f"argument{'s' if len(missing) > 1 else ''}: {_listed(missing)}")
            for i in range(given, count):
                if values[i] is _MISSING:
                    values[i] = factories[i]() if defaults[i] is _FACTORY else defaults[i]
            if frozen:
                for name, value in zip(names, values, strict=True):
                    setter(self, name, value)
            else:
                for name, value in zip(names, values, strict=True):
                    setattr(self, name, value)

        return init

    def _listed(names):
        """Missing parameters named as Python names them: 'a', 'a' and 'b', 'a', 'b', and 'c'."""
        quoted = [f"'{name}'" for name in names]
        if len(quoted) == 1:
            return quoted[0]
        if len(quoted) == 2:
            return f"{quoted[0]} and {quoted[1]}"
        return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"

    def _values(names):
        """A function giving a record's field values as one tuple, as dataclasses compares and hashes them."""
        if len(names) > 1:
            return attrgetter(*names)
        if names:
            one = attrgetter(names[0])
            return lambda record: (one(record),)
        return lambda record: ()

    def _refuse_setattr(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def _refuse_delattr(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

__all__ = ["FrozenInstanceError", "dataclass", "field", "replace"]

//! `STORE_ATTR`'s inline cache (`specialize.rs`): the cached store and the type-keyed
//! case it installs.

use super::*;

impl Vm {
    /// `STORE_ATTR` with its inline cache.
    pub fn store_attr_cached(
        &mut self,
        code: &Code,
        at: usize,
        obj: &Value,
        name: &Value,
        value: Value,
    ) -> PyResult<()> {
        let Some(cell) = code.caches.get(at) else {
            return self.set_attr(obj, name, value);
        };
        // 0: generic, 1: miss, 2: done
        let state = match cell.try_borrow() {
            Ok(slot) => match (&slot.entry, obj) {
                (Entry::Generic, _) => 0,
                (Entry::Types(cases), Value::Obj(o)) => match self.find_case(cases, obj) {
                    Some(How::InstanceDict { index, shape }) => match o.dict.as_ref().map(|d| &d.kind) {
                        Some(ObjKind::Dict(c)) => match c.try_borrow_mut() {
                            Ok(mut t) => {
                                let pos = match t.entry(*index) {
                                    Some(_) if t.shape() == *shape => Some(*index),
                                    Some((k, _)) if k.is(name) => Some(*index),
                                    _ => t.find_name(str_value_hash(name), name),
                                };
                                match pos {
                                    Some(p) => t.set_value(p, value.clone()),
                                    None => t.insert_new(str_value_hash(name), name.clone(), value.clone()),
                                }
                                2
                            }
                            Err(_) => 1,
                        },
                        _ => 1,
                    },
                    Some(How::InstanceDictAdd { before, after }) => match o.dict.as_ref().map(|d| &d.kind) {
                        Some(ObjKind::Dict(c)) => match c.try_borrow_mut() {
                            Ok(mut t) if t.shape() == *before => {
                                t.insert_new_shaped(str_value_hash(name), name.clone(), value.clone(), *after);
                                2
                            }
                            _ => 1,
                        },
                        _ => 1,
                    },
                    Some(How::InstanceSlot(slot)) => match &o.kind {
                        ObjKind::Instance(Some(slots)) => match slots.try_borrow_mut() {
                            Ok(mut s) => match s.get_mut(*slot) {
                                Some(x) => {
                                    *x = Some(value.clone());
                                    2
                                }
                                None => 1,
                            },
                            Err(_) => 1,
                        },
                        _ => 1,
                    },
                    _ => 1,
                },
                _ => 1,
            },
            Err(_) => 0,
        };
        if self.spec.print_stats {
            match state {
                2 => self.tally(Family::StoreAttr, code, at, Tally::Hit),
                1 => self.tally(Family::StoreAttr, code, at, Tally::Miss),
                _ => {}
            }
        }
        if state == 2 {
            return Ok(());
        }
        let before = instance_shape(obj);
        self.set_attr(obj, name, value)?;
        if state == 1 {
            let case = self.store_case(obj, name, before);
            self.merge_case(code, at, cell, Family::StoreAttr, case);
        } else if self.after_slow(code, at, cell, Family::StoreAttr, false) {
            let entry = self.store_case(obj, name, before).map(|c| Entry::Types(vec![c]));
            self.install(code, at, cell, Family::StoreAttr, entry, None);
        }
        Ok(())
    }

    /// The type-keyed case for storing `name` on `obj` (just stored; its instance dict had
    /// shape `before` until then), if it has one.
    fn store_case(&mut self, obj: &Value, name: &Value, before: ShapeId) -> Option<TypeCase> {
        let Value::Obj(o) = obj else { return None };
        if matches!(
            o.kind,
            ObjKind::Type(_) | ObjKind::Module | ObjKind::Super { .. } | ObjKind::Function(_)
        ) {
            return None;
        }
        let cls = self.class_of(obj).clone();
        let ObjKind::Type(td) = &cls.kind else { return None };
        if !td.heap_type {
            return None;
        }
        let sa = self.lookup_in_type(&cls, "__setattr__")?;
        if !matches!(sa.kind(), Some(ObjKind::Native(n)) if n.owner == "object") {
            return None;
        }
        match self.lookup_for_instance(&cls, obj, name) {
            None => {}
            Some(Value::Obj(m)) if matches!(m.kind, ObjKind::Function(_)) => {}
            Some(v) if is_plain_class_value(&v) => {}
            Some(_) => return None,
        }
        let ty = Rc::downgrade(&cls);
        let version = td.version.get();
        let name_s = name.as_str()?;
        if let ObjKind::Instance(Some(_)) = &o.kind {
            if let Some(slot) = crate::builtins::object::slot_index(&cls, name_s) {
                return Some(TypeCase::new(ty, version, How::InstanceSlot(slot)));
            }
        }
        let d = o.dict.as_ref()?;
        if !matches!(d.kind, ObjKind::Dict(_)) {
            return None;
        }
        let now = instance_shape(obj);
        let how = if now.is_shaped() && now != before && crate::shape::existing_child(before, name) == Some(now) {
            How::InstanceDictAdd { before, after: now }
        } else {
            instance_dict_case(d, name)
        };
        Some(TypeCase::new(ty, version, how))
    }
}
